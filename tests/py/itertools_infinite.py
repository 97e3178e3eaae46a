import itertools as it
print(list(it.islice(it.count(), 5)), list(it.islice(it.count(10, 3), 4)), list(it.islice(it.count(1.5, 0.5), 3)))
print(list(it.islice(it.cycle("abc"), 7)), list(it.cycle([])))
print(list(it.repeat("x", 3)), list(it.islice(it.repeat(1), 4)), list(it.repeat(0, 0)))
print(list(it.islice(range(20), 2, 12, 3)), list(it.islice("abcdef", 3)), list(it.islice("abc", None)))
print(list(zip(it.count(), "xyz")))
c = it.count(5)
next(c)
print(repr(c), repr(it.repeat(2, 3)))
try:
    it.islice([1], -1)
except ValueError as e:
    print(e)
