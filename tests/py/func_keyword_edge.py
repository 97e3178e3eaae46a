def f(a, b=2, *args, c=3, d, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(f(1, d=4))
print(f(1, 2, 3, 4, d=5, e=6))
print(f(a=1, d=0, b=9, z=1))
def g(*, a=1): return a
print(g(), g(a=5))
def h(a, /, b, *, c): return a, b, c
print(h(1, 2, c=3), h(1, b=2, c=3))
for call in [lambda: f(), lambda: f(1), lambda: h(1, 2, 3), lambda: g(1), lambda: f(1, a=1, d=1)]:
    try:
        call()
    except TypeError as e:
        print(e)
