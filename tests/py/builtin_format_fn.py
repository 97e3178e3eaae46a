print(format(3.14159, ".2f"), format(42), format(42, "x"), format("s", ">3"))
print(format(1234.5678, ","), format(1234.5678, ",.1f"), format(-0.0), format(1e100))
print(format(12, "c"), format(0.1, ".20f"), format(1 / 3, ".17g"), format(2 / 3))
print(format([1, 2]), format(None), format({"a": 1}))
try:
    format([1], "x")
except TypeError as e:
    print(e)
class Custom:
    def __format__(self, spec):
        return f"<{spec or 'default'}>"
print(format(Custom()), format(Custom(), "abc"), f"{Custom()!s:>5}"[:2])
try:
    format(1, 5)
except TypeError as e:
    print(e)
print(repr(1e16), repr(1e15), repr(123456789.0), repr(1.5e-5), repr(0.0001), repr(2.0 ** 60))
print(str(0.1 + 0.2), 1 / 3, 2 / 3, 100.0, -1e-10, 1.7976931348623157e308, 5e-324)
