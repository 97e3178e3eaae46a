def f(*args):
    return args
print(f())
print(f(1, 2, 3))
print(f(*[4, 5], 6, *(7,)))

def g(a, *rest, last=0):
    return a, rest, last
print(g(1))
print(g(1, 2, 3, last=9))

def h(**kw):
    return sorted(kw.items())
print(h(a=1, b=2))
print(h(**{'x': 1}, y=2))

def both(*a, **k):
    return len(a), len(k)
print(both(1, 2, x=3))
print(both(*range(10), **dict(a=1, b=2, c=3)))
try:
    h(**{'a': 1}, a=2)
except TypeError as e:
    print(e)
try:
    h(**{1: 2})
except TypeError as e:
    print(e)
