for n in [0, 1, 7, 8, 255, 256, -1, -255, 2 ** 64, -(2 ** 65)]:
    print(n, bin(n), oct(n), hex(n), format(n, "b"), format(n, "#o"), format(n, "X"))
class I:
    def __index__(self): return 42
print(bin(I()), hex(I()), oct(I()))
try:
    hex(1.5)
except TypeError as e:
    print(e)
print(int(bin(12345), 2), int(hex(-99), 16), int(oct(511), 8))
