class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x, *rest, scale=1):
        return (self.n + x + sum(rest)) * scale
a = Adder(10)
print(a(1), a(1, 2, 3), a(1, scale=2), callable(a), callable(Adder), callable(3))
print(list(map(Adder(1), [1, 2, 3])))
class M:
    def method(self, x): return ("method", x)
m = M()
bm = m.method
print(bm(1), bm.__self__ is m, bm.__func__ is M.method)
print(M.method(m, 2))
print(bm == m.method, bm is m.method)
f = M.__dict__['method'].__get__(m, M)
print(f(3))
class CallCls:
    @classmethod
    def __call__(cls): return "cls call"
print(CallCls()())
try:
    object()()
except TypeError as e:
    print(e)
