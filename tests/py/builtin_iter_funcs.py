print(list(enumerate("abc")), list(enumerate("ab", start=10)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3])))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print(e)
print(list(map(pow, [2, 3], [3, 2])), list(map(str.upper, "ab")))
print(list(filter(None, [0, 1, "", "a", None, []])), list(filter(lambda x: x > 1, [1, 2, 3])))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))))
print(list(range(5)), list(range(2, 10, 3)), list(range(10, 0, -4)), list(range(0)))
r = range(0, 100, 7)
print(len(r), r[3], r[-1], 21 in r, 22 in r, r.index(28), r.count(7), r[2:5], range(5) == range(0, 5))
print(sum([1, 2, 3]), sum([1.5, 2.5]), sum([[1], [2]], []), sum(range(101), 1000), sum([], 5))
print(any([]), all([]), any([0, None, 3]), all([1, "a", [0]]))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "end"))
e = enumerate([5, 6])
print(next(e), type(e).__name__)
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(e)
try:
    reversed(iter([1]))
except TypeError as e:
    print(e)
