a, b = 7.5, 2.0
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b, -a)
print(-7.5 // 2, -7.5 % 2, 7.5 % -2, 1e308 * 10, -1e308 * 10)
print(0.1 + 0.2, 0.1 * 3, 1 / 3, 2 ** 0.5, 10 / 4, 9 / 3)
print(float("inf") - float("inf"), float("inf") * 0, 1 / float("inf"))
print(1.0 == 1, 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-15)
print(round(2.5), round(3.5), int(2.999), float(2 ** 60), 2.0 ** 1000 if False else 1e300 * 1e8)
print((3.0).is_integer(), (3.5).as_integer_ratio(), float.fromhex("0x1p-2"), (0.25).hex())
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(e)
try:
    1.0 // 0.0
except ZeroDivisionError as e:
    print(e)
try:
    2.0 ** 10000
except OverflowError as e:
    print(e)
print((-8.0) ** (1 / 3), (-1.0) ** 2, 0.0 ** 0, (-0.0) ** 3)
print(repr(-0.0), 0.0 == -0.0, str(1e-7), str(123456789012345678.0), 1.1 * 1.1)
print(sum([0.1] * 10), max(0.1, 0.2), min(-0.0, 0.0), 3.0 * True)
