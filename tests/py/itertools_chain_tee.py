import itertools as it
c = it.chain([1, 2], (3,), "ab", {9: 0}, range(2))
print(list(c))
print(list(it.chain.from_iterable([[1], [], [2, 3]])), list(it.chain()))
src = iter(range(5))
a, b = it.tee(src, 2)
print(next(a), next(a), list(b), list(a))
t1, = it.tee("xyz", 1)
print(list(t1))
try:
    it.tee([1], -1)
except ValueError as e:
    print(e)
print(type(it.chain()).__name__, type(it.tee([])[0]).__name__)
