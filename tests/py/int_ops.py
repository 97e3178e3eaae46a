a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b, -a, +a, ~a)
print(a & b, a | b, a ^ b, a << 3, a >> 2, -a >> 1, -a // b, -a % b)
print(2 ** 100, 2 ** 100 // 3 ** 20, (2 ** 100) % 1000007, -(2 ** 65) // 7, (2 ** 65) >> 60)
print(10 ** 30 * 10 ** 30, (10 ** 30 + 1) * (10 ** 30 - 1), abs(-10 ** 40))
print(int.bit_length(255), (1023).bit_length(), (-8).bit_length(), (0).bit_length(), (255).bit_count())
print((1024).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"), (-1).to_bytes(2, "big", signed=True))
print(7 .conjugate(), (5).real, (5).imag, (5).numerator, (5).denominator, (6).as_integer_ratio())
print(int("ff", 16), int("777", 8), int("-101", 2), 0x10, 0o10, 0b10, 1_000_000)
print(True + True, True * 10, False - 1, ~True)
try:
    1 << -1
except ValueError as e:
    print(e)
try:
    5 // 0
except ZeroDivisionError as e:
    print(e)
print(pow(10, 20) // 7, 10 ** 20 % 7, divmod(-10 ** 20, 7))
print(str(2 ** 200), len(str(3 ** 500)))
print(1 == 1.0, 1 < 1.5, 2 ** 53 + 1 == float(2 ** 53 + 1), 10 ** 400 > 1e300)
