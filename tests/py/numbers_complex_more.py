z = complex(1.5, -2)
print(z, z.real, z.imag, abs(z), z.conjugate(), -z, +z, z * 1j, z / 2, z ** 2)
print(complex(), complex(1), complex(0, 1), complex("1e3-2.5j"), complex(True, False))
print(1j ** 2, (1 + 1j) ** 0, 0j ** 0, (2 + 0j) == 2, hash(2 + 0j) == hash(2))
for s in ["1+2j", "(3-4j)", "-1j", "2.5", " 7j "]:
    print(s, complex(s))
try:
    complex("1+")
except ValueError as e:
    print(e)
try:
    complex(1, 2) > 1
except TypeError as e:
    print(e)
print(repr(1j), repr(-1j), repr(1 + 0j), repr(complex(-0.0, -0.0)), repr(complex(float("inf"), float("nan"))))
