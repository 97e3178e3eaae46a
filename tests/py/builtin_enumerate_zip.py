names = ["ann", "bob", "cy"]
ages = [30, 25]
for i, n in enumerate(names, 1):
    print(i, n)
print(list(zip(names, ages)), list(zip(*[(1, "a"), (2, "b")])))
print(dict(enumerate("xyz")), list(enumerate([])), list(zip("ab", range(10), [True] * 5)))
e = enumerate("ab", start=-1)
print(next(e), next(e), next(e, "done"))
z = zip([1, 2, 3], "abc", strict=True)
print(list(z))
try:
    list(zip([1], [1, 2], strict=True))
except ValueError as err:
    print(err)
try:
    list(zip([1, 2, 3], [1, 2], [1, 2, 3], strict=True))
except ValueError as err:
    print(err)
m, n = zip(*[(1, 2), (3, 4), (5, 6)])
print(m, n)
