for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (7.5, 2), (-7.5, 2), (2 ** 70, 7)]:
    print(a, b, divmod(a, b), a // b, a % b)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print(e)
try:
    divmod(1.0, 0)
except ZeroDivisionError as e:
    print(e)
print(pow(2, 10), pow(2, -1), pow(2.0, 0.5), pow(-8, 1 / 3) if False else "skip")
print(pow(3, 4, 5), pow(2, 100, 1000000007), pow(7, -1, 13), pow(3, 0, 1), pow(-2, 3, 5))
try:
    pow(2, -1, 4)
except ValueError as e:
    print(e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print(e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print(e)
print(pow(0, 0), pow(0.0, 0), 0 ** 0, (-1) ** 0.5)
try:
    0 ** -1
except ZeroDivisionError as e:
    print(e)
print(pow(base=2, exp=5), pow(2, 5, mod=3))
print((-8) ** (1 / 3))
