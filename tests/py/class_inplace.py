class Acc:
    def __init__(self): self.items = []
    def __iadd__(self, v):
        self.items.append(("iadd", v)); return self
    def __isub__(self, v):
        self.items.append(("isub", v)); return self
    def __imul__(self, v):
        self.items.append(("imul", v)); return self
    def __itruediv__(self, v): self.items.append("itruediv"); return self
    def __ifloordiv__(self, v): self.items.append("ifloordiv"); return self
    def __imod__(self, v): self.items.append("imod"); return self
    def __ipow__(self, v): self.items.append("ipow"); return self
    def __imatmul__(self, v): self.items.append("imatmul"); return self
    def __iand__(self, v): self.items.append("iand"); return self
    def __ior__(self, v): self.items.append("ior"); return self
    def __ixor__(self, v): self.items.append("ixor"); return self
    def __ilshift__(self, v): self.items.append("ilshift"); return self
    def __irshift__(self, v): self.items.append("irshift"); return self
a = Acc(); orig = a
a += 1; a -= 2; a *= 3; a /= 1; a //= 1; a %= 1; a **= 1
a @= 1; a &= 1; a |= 1; a ^= 1; a <<= 1; a >>= 1
print(a.items, a is orig)
class Fallback:
    def __init__(self, v): self.v = v
    def __add__(self, o): return Fallback(self.v + o)
f = Fallback(1); g = f
f += 5
print(f.v, g.v, f is g)
class Weird:
    def __iadd__(self, o): return "replaced"
w = Weird(); w += 1; print(w)
class NI:
    def __iadd__(self, o): return NotImplemented
    def __add__(self, o): return "add fallback"
n = NI(); n += 1; print(n)
try:
    x = object(); x += 1
except TypeError as e:
    print(e)
