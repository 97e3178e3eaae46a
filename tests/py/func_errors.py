def f(a, b):
    return a + b

def t(fn):
    try:
        print(fn())
    except TypeError as e:
        print("TypeError:", e)

t(lambda: f(1))
t(lambda: f(1, 2, 3))
t(lambda: f(1, 2, c=3))
t(lambda: f(1, a=2))
t(lambda: f())
def g(a, b, c, d):
    pass
t(lambda: g(1))
t(lambda: g(1, 2, 3))
def h():
    pass
t(lambda: h(1))
t(lambda: h(x=1))
def k(a, b=1, *, c):
    pass
t(lambda: k(1, 2, 3))
t(lambda: k(1, 2))
t(lambda: len())
t(lambda: len(1, 2))
one = 1
t(lambda: one())
s = "abc"
t(lambda: s(1))
