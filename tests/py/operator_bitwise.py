for a, b in [(12, 10), (-12, 10), (255, -1), (0, 0), (2 ** 70, 2 ** 69 + 1)]:
    print(a & b, a | b, a ^ b, ~a, a << 2, a >> 2)
print(1 << 100, (1 << 100) >> 99, -1 >> 100, -(2 ** 100) >> 1)
print(0b1100 & 0b1010, 0xF0 | 0x0F, 0xFF ^ 0x0F)
print(True & True, True | 0, False ^ True, type(True & True).__name__, type(True & 1).__name__)
print({1, 2} & {2, 3}, {1} | {2}, {1, 2} ^ {2, 3})
try:
    1.5 & 1
except TypeError as e:
    print(e)
try:
    1 << 2.0
except TypeError as e:
    print(e)
x = 0
for bit in [0, 3, 5]:
    x |= 1 << bit
print(bin(x), [(x >> i) & 1 for i in range(6)], bin(x & -x))
