import itertools as it
c = it.count(start=2, step=-0.5)
print([next(c) for _ in range(5)])
print(list(zip(it.count(1), "abc")), list(map(pow, range(5), it.repeat(2))))
cy = it.cycle(range(3))
print([next(cy) for _ in range(8)])
print(list(it.repeat(None, 2)), repr(it.repeat("z")), list(it.repeat(1, -5)))
print(list(it.islice(it.count(10 ** 20), 2)), list(it.islice(it.count(1, 1j), 2)))
