print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("hello"))
print(min([], default="empty"), max((), default=None))
print(max(["aa", "b", "cccc"], key=len), min(["aa", "b", "cccc"], key=len))
print(max([1, 3, 3, 2], key=lambda x: x % 3))
print(min([(1, "b"), (1, "a")]), max({"a": 3, "b": 1}))
print(max(1, 2.5), min(-0.0, 0), max(0, -0.0))
print(max([5, 5, 5], key=lambda x: 0))
try:
    min([])
except ValueError as e:
    print(e)
try:
    max()
except TypeError as e:
    print(e)
try:
    max(1, 2, default=0)
except TypeError as e:
    print(e)
try:
    min(1)
except TypeError as e:
    print(e)
try:
    max([1, "a"])
except TypeError as e:
    print(e)
print(max(range(10), key=lambda x: -x), min(iter([3, 2, 8])))
print(max("b", "a", key=str.upper), min(x * x for x in range(-3, 3)))
