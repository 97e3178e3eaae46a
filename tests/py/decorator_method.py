def logged(m):
    def w(self, *a):
        self.log.append((m.__name__, a))
        return m(self, *a)
    return w
class Acc:
    def __init__(self): self.log = []; self.v = 0
    @logged
    def add(self, x): self.v += x; return self
    @logged
    def mul(self, x): self.v *= x; return self
    @property
    @logged
    def double(self): return self.v * 2
a = Acc().add(2).mul(5).add(1)
print(a.v, a.double, a.log)
def classdeco(cls):
    cls.decorated = True
    orig = cls.__init__
    def init(self, *a):
        orig(self, *a)
        self.extra = "added"
    cls.__init__ = init
    return cls
@classdeco
class P:
    def __init__(self, x): self.x = x
p = P(1)
print(P.decorated, p.x, p.extra)
