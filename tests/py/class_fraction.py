def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
class Frac:
    __slots__ = ("n", "d")
    def __init__(self, n, d=1):
        if d == 0:
            raise ZeroDivisionError("Frac(%d, 0)" % n)
        g = gcd(n, d) or 1
        if d < 0:
            n, d = -n, -d
        self.n, self.d = n // g, d // g
    def __repr__(self): return f"Frac({self.n}, {self.d})"
    def __str__(self): return f"{self.n}/{self.d}" if self.d != 1 else str(self.n)
    @staticmethod
    def _c(o):
        return o if isinstance(o, Frac) else Frac(o) if isinstance(o, int) else NotImplemented
    def __add__(self, o):
        o = self._c(o)
        if o is NotImplemented: return o
        return Frac(self.n * o.d + o.n * self.d, self.d * o.d)
    __radd__ = __add__
    def __sub__(self, o):
        o = self._c(o)
        if o is NotImplemented: return o
        return Frac(self.n * o.d - o.n * self.d, self.d * o.d)
    def __rsub__(self, o): return self._c(o) - self
    def __mul__(self, o):
        o = self._c(o)
        if o is NotImplemented: return o
        return Frac(self.n * o.n, self.d * o.d)
    __rmul__ = __mul__
    def __truediv__(self, o):
        o = self._c(o)
        return Frac(self.n * o.d, self.d * o.n)
    def __neg__(self): return Frac(-self.n, self.d)
    def __eq__(self, o):
        o = self._c(o)
        return o is not NotImplemented and self.n == o.n and self.d == o.d
    def __lt__(self, o):
        o = self._c(o)
        return self.n * o.d < o.n * self.d
    def __hash__(self): return hash((self.n, self.d))
    def __float__(self): return self.n / self.d
    def __int__(self): return int(self.n / self.d)
    def __bool__(self): return self.n != 0
h = sum((Frac(1, k) for k in range(1, 11)), Frac(0))
print(h, repr(h), float(h), int(h))
print(Frac(1, 2) + 1, 1 + Frac(1, 2), 1 - Frac(1, 3), Frac(2, 3) * 3, Frac(1, 2) / Frac(3, 4))
print(Frac(2, 4) == Frac(1, 2), Frac(3) == 3, Frac(1, 3) < Frac(1, 2), sorted([Frac(1, 2), Frac(1, 3), Frac(2, 3)]))
print(len({Frac(1, 2), Frac(2, 4)}), bool(Frac(0)), -Frac(1, -2))
try:
    Frac(1, 0)
except ZeroDivisionError as e:
    print(e)
try:
    Frac(1) + "x"
except TypeError as e:
    print(e)
