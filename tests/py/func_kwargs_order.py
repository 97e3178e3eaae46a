def f(**kw):
    return list(kw)
print(f(z=1, a=2, m=3))
print(f(**{'b': 1, 'a': 2}, c=3))
def g(a, **kw):
    return a, kw
print(g(1, **{'x': 1, 'y': 2}))
print(g(a=5))
d = dict(one=1, two=2)
print(d)
def h(*, b, a):
    return a, b
print(h(a=1, b=2))
class K:
    def __init__(self, **kw):
        self.__dict__.update(kw)
k = K(p=1, q=2)
print(vars(k))
