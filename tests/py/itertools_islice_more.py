import itertools as it
def gen():
    for i in range(100):
        yield i
g = gen()
print(list(it.islice(g, 3)), list(it.islice(g, 3)), next(g))
print(list(it.islice(range(10), 2, None)), list(it.islice(range(10), None, None, 4)), list(it.islice("abc", 0)))
for bad in [(-1,), (0, -1), (0, 5, 0)]:
    try:
        it.islice(range(3), *bad)
    except ValueError as e:
        print(e)
print(list(it.islice(it.count(), 1000000, 1000003)))
