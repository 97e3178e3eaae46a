it = iter([1, 2])
print(next(it), next(it), next(it, None), next(it, "again"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
def gen():
    yield 1
g = gen()
print(next(g), next(g, "dflt"))
d = iter({"a": 1, "b": 2})
print(next(d), list(d))
s = iter("xy")
print(list(zip(s, s)))
f = iter(range(3))
print(list(f), list(f))
