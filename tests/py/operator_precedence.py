print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2, (-2) ** 2)
print(10 - 4 - 3, 100 / 10 / 5, 2 * 3 % 4, 7 // 2 * 2, -7 // 2, -(7 // 2))
print(1 + 2 << 3, 1 | 2 ^ 3 & 4, 5 & 3 | 8, ~0 + 1, not 1 == 2, not (1 == 2))
print(1 < 2 and 3 < 4 or 5 > 6, True or False and False, (True or False) and False)
print(3 if 1 > 2 else 4 if 2 > 3 else 5, [1, 2][0] + 1, -3 % 5, 2 ** -1, -2 ** -1)
x = 1
x += 2 * 3
print(x, 2 * -3, - - 4, +-+5, not not 0)
print("a" + "b" * 3, ("a" + "b") * 3, "%d" % 5 + "x", 5 > 3 == True)
print(1 if 0 else 2, (lambda: 1 or 2)(), 3 and 4 or 5, 0 and 4 or 5)
