class R:
    def __init__(self, n): self.n = n
    def __radd__(self, o): return f"radd({o})"
    def __rsub__(self, o): return f"rsub({o})"
    def __rmul__(self, o): return f"rmul({o})"
    def __rtruediv__(self, o): return f"rtruediv({o})"
    def __rfloordiv__(self, o): return f"rfloordiv({o})"
    def __rmod__(self, o): return f"rmod({o})"
    def __rpow__(self, o): return f"rpow({o})"
    def __rmatmul__(self, o): return f"rmatmul({o})"
    def __rand__(self, o): return f"rand({o})"
    def __ror__(self, o): return f"ror({o})"
    def __rxor__(self, o): return f"rxor({o})"
    def __rlshift__(self, o): return f"rlshift({o})"
    def __rrshift__(self, o): return f"rrshift({o})"
    def __rdivmod__(self, o): return f"rdivmod({o})"
r = R(1)
print(1 + r, 1 - r, 2 * r, 3 / r, 4 // r, 5 % r, 6 ** r)
print(7 @ r, 8 & r, 9 | r, 10 ^ r, 11 << r, 12 >> r, divmod(13, r))
print("s" + r, [1] * r)
class A:
    def __add__(self, o): return "A.add"
class B(A):
    def __radd__(self, o): return "B.radd"
print(A() + B())
class C:
    def __add__(self, o): return NotImplemented
class D:
    def __radd__(self, o): return "D.radd"
print(C() + D())
try:
    C() + C()
except TypeError as e:
    print(e)
try:
    1 + "a"
except TypeError as e:
    print(e)
try:
    [] - []
except TypeError as e:
    print(e)
print(pow(2, R(0)))
