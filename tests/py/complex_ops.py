z = 3 + 4j
w = 1 - 2j
print(z + w, z - w, z * w, z / w, -z, abs(z), z.conjugate(), z.real, z.imag)
print(z ** 2, (1j) ** 2, 2 ** (1j), complex(1, 1) ** 0.5)
print(z == complex(3, 4), z != w, 1j * 1j == -1)
print(complex("1+2j"), complex("-j"), complex(" 3 "), repr(complex(0, -0.0)), repr(complex(-0.0, 0)))
try:
    z < w
except TypeError as e:
    print(e)
try:
    z / 0
except ZeroDivisionError as e:
    print(e)
print(hash(1 + 0j) == hash(1), format(z, ".2f"), f"{w:>12}")
