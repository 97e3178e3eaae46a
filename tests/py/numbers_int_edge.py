print(0 == -0, -0, 10 ** 0, 0 ** 10, (-1) ** 2, (-1) ** 3, 7 // -1, -7 // 1, 7 % -1)
print(2 ** 63, -2 ** 63, 2 ** 63 - 1, -(2 ** 63) - 1, 2 ** 64 // 2 ** 32)
big = 123456789012345678901234567890
print(big * big, big // 7, big % 7, big >> 50, big << 10, -big // 13, -big % 13)
print(big & 0xFFFF, big | 1, big ^ big, ~big, big.bit_length())
print(int(1e18), int(1e19), int(-1e19), int(2.0 ** 100))
print(abs(-2 ** 100), max(2 ** 100, 2 ** 99), 2 ** 100 > 2 ** 100 - 1, hash(2 ** 100) == hash(2 ** 100))
print(str(10 ** 50)[:10], len(str(10 ** 50)), repr(-10 ** 20))
print(sum(range(10 ** 6)), 10 ** 6 * (10 ** 6 - 1) // 2)
