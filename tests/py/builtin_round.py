for v in [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1.0, 1e20, 3.14159]:
    print(v, round(v), round(v, 2), round(v, 0), round(v, -1))
for v in [5, 15, 25, 1234, -1255]:
    print(v, round(v), round(v, -1), round(v, -2), round(v, 2))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(5, 1)).__name__)
try:
    round(float("inf"))
except OverflowError as e:
    print(e)
try:
    round(float("nan"))
except ValueError as e:
    print(e)
print(round(float("inf"), 2), round(float("nan"), 1))
class R:
    def __round__(self, n=None):
        return ("rounded", n)
print(round(R()), round(R(), 3))
try:
    round("x")
except TypeError as e:
    print(e)
print(round(0.1 + 0.2, 15), round(1.23456789e-5, 7), round(-0.0), round(True))
