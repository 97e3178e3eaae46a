def f(a, b=2, c=[]):
    c.append(a)
    return a, b, len(c)

print(f(1))
print(f(1, 3))
print(f(5, c=[9]))
print(f(7))
print(f.__defaults__[0])

def g(x=1+2, y="s" * 3):
    return x, y
print(g())
print(g.__defaults__)

def h(a, b=None):
    if b is None:
        b = []
    b.append(a)
    return b
print(h(1), h(2))

n = 10
def k(v=n):
    return v
n = 20
print(k())
k.__defaults__ = (99,)
print(k())
