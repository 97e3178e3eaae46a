def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(20))
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6))
def outer():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    return inner
g = outer()
print(g(), g())
class A:
    cls_attr = 10
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v + self.cls_attr
    @property
    def p(self): return self.v * 2
a = A(5)
print(a.get(), a.p, A.cls_attr)
class B(A):
    def get(self):
        return super().get() * 2
print(B(1).get())
try:
    1 / 0
except ZeroDivisionError as e:
    print("caught", e)
finally:
    print("finally")
def gen(n):
    for i in range(n):
        x = yield i
        if x: print("got", x)
    return "done"
gg = gen(3)
print(next(gg), gg.send("hi"), next(gg))
try: next(gg)
except StopIteration as e: print("stop", e.value)
def yf():
    r = yield from gen(2)
    print("r", r)
print(list(yf()))
print([x * 2 for x in range(5) if x % 2], {k: v for k, v in zip("ab", (1, 2))}, {x for x in "aab"})
s = 0
for i in range(100000):
    s += i
print(s)
class CM:
    def __enter__(self): print("enter"); return 7
    def __exit__(self, *a): print("exit", a[0]); return a[0] is KeyError
with CM() as fh:
    print(fh)
with CM():
    raise KeyError
try:
    with CM(): 1/0
except ZeroDivisionError as e:
    print(type(e).__name__)
print(f"{s:>10} {a!r:.5}")
a2, *b2, c2 = range(5)
print(a2, b2, c2)
def undefined():
    return zzz
try: undefined()
except NameError as e: print(e)
def ul():
    print(q)
    q = 1
try: ul()
except UnboundLocalError as e: print(e)
try:
    try:
        raise KeyError("a")
    except KeyError:
        raise ValueError("b")
except ValueError as e:
    print(repr(e.__context__))
try:
    raise ValueError("x") from KeyError("y")
except ValueError as e:
    print(repr(e.__cause__), e.__suppress_context__)
import sys
def rec(n): return rec(n + 1)
try: rec(0)
except RecursionError as e: print(e)
print(sys.exc_info())
