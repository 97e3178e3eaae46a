def f():
    return 1, *[2, 3], 4
print(f())
def g():
    yield 0, *range(3)
print(next(g()))
first, *middle, last = f()
print(first, middle, last)
print(*[1, 2], *"ab", sep="-")
print([*(), *[]], {*()}, (*"xy",), {**{}})
x = [*range(3)] + [*{1: 2}]
print(x)
a = *range(2), 9
print(a)
for item in [*"ab", *[1]]:
    print(item, end=" ")
print()
d = {"a": 1, **{"b": 2, "a": 3}, "c": 4}
print(d)
def kw(**k): return k
print(kw(**{"x": 1}, **{"y": 2}))
try:
    kw(**{"x": 1}, **{"x": 2})
except TypeError as e:
    print(e)
