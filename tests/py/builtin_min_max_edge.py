print(max([3, 1, 4], key=None), min("b", "a", "c"), max((1, "b"), (1, "a")))
print(max([1, 2, 3], default=0), max([], default=[]), min((), default="empty"))
print(max(float("nan"), 1), max(1, float("nan")), min([float("inf"), 1e308]))
print(max([[1, 2], [1, 3], [0, 9]]), min({3: "a", 1: "b"}), max("apple", "banana", key=len))
print(max(range(5), key=lambda x: (x % 2, x)), min(range(5), key=lambda x: (x % 2, -x)))
try:
    max(default=1)
except TypeError as e:
    print(e)
try:
    max(1, 2, key=lambda: 0)
except TypeError as e:
    print(e)
