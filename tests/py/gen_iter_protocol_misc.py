def g():
    yield 1
gen = g()
print(iter(gen) is gen, hasattr(gen, "__iter__"), hasattr(gen, "__next__"))
print(next(gen), next(gen, "exhausted"))
def countdown(n):
    while n > 0:
        yield n
        n -= 1
print(list(countdown(5)), sum(countdown(100)), max(countdown(7)), sorted(countdown(4)))
print(tuple(countdown(3)), set(countdown(3)) == {1, 2, 3}, dict(zip(countdown(2), "ab")))
print(list(enumerate(countdown(3))), list(zip(countdown(3), countdown(2))))
a, b, c = countdown(3)
print(a, b, c)
print(*countdown(4))
print([*countdown(2), *countdown(1)])
print(3 in countdown(5), 9 in countdown(5))
