class Vec:
    def __init__(self, *c): self.c = c
    def __repr__(self): return "Vec" + repr(self.c)
    def __add__(self, o): return Vec(*(a + b for a, b in zip(self.c, o.c)))
    def __sub__(self, o): return Vec(*(a - b for a, b in zip(self.c, o.c)))
    def __mul__(self, k): return Vec(*(a * k for a in self.c))
    def __rmul__(self, k): return self * k
    def __truediv__(self, k): return Vec(*(a / k for a in self.c))
    def __floordiv__(self, k): return Vec(*(a // k for a in self.c))
    def __mod__(self, k): return Vec(*(a % k for a in self.c))
    def __pow__(self, k): return Vec(*(a ** k for a in self.c))
    def __neg__(self): return Vec(*(-a for a in self.c))
    def __pos__(self): return self
    def __abs__(self): return sum(a * a for a in self.c) ** 0.5
    def __invert__(self): return Vec(*reversed(self.c))
    def __matmul__(self, o): return sum(a * b for a, b in zip(self.c, o.c))
    def __and__(self, o): return "and"
    def __or__(self, o): return "or"
    def __xor__(self, o): return "xor"
    def __lshift__(self, n): return Vec(*(self.c[n:] + self.c[:n]))
    def __rshift__(self, n): return Vec(*(self.c[-n:] + self.c[:-n]))
    def __bool__(self): return any(self.c)
    def __len__(self): return len(self.c)
a, b = Vec(1, 2, 3), Vec(4, 5, 6)
print(a + b, a - b, a * 2, 3 * a)
print(b / 2, b // 4, b % 4, a ** 2)
print(-a, +a, abs(Vec(3, 4)), ~a)
print(a @ b, a & b, a | b, a ^ b)
print(a << 1, a >> 1)
print(bool(Vec(0, 0)), bool(a), len(a))
print(not Vec(0), divmod(7, 2))
