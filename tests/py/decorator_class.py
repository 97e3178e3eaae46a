def add_repr(cls):
    def __repr__(self):
        return "%s(%s)" % (cls.__name__, ", ".join("%s=%r" % kv for kv in sorted(vars(self).items())))
    cls.__repr__ = __repr__
    return cls

@add_repr
class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
print(P(1, "a"))

class CountCalls:
    def __init__(self, f):
        self.f = f
        self.n = 0
    def __call__(self, *a):
        self.n += 1
        return self.f(*a)

@CountCalls
def sq(x):
    return x * x
print(sq(3), sq(4), sq.n)

def singleton(cls):
    inst = {}
    def get(*a):
        if cls not in inst:
            inst[cls] = cls(*a)
        return inst[cls]
    return get
@singleton
class S:
    def __init__(self, v):
        self.v = v
print(S(1).v, S(2).v, S(1) is S(3))

class Deco:
    @staticmethod
    def twice(f):
        return lambda *a: f(f(*a))
@Deco.twice
def inc(x):
    return x + 1
print(inc(5))
