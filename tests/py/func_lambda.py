sq = lambda x: x * x
print(sq(7))
add = lambda a, b=10, *c, **d: (a + b, c, d)
print(add(1))
print(add(1, 2, 3, k=4))
print(list(map(lambda x: x + 1, [1, 2, 3])))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
fs = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in fs])
fs2 = [lambda: i for i in range(3)]
print([f() for f in fs2])
print((lambda: (yield 1))().__class__.__name__)
compose = lambda f, g: lambda x: f(g(x))
print(compose(str, sq)(9))
print((lambda *a: a)(1, 2))
print((lambda **k: sorted(k))(b=1, a=2))
