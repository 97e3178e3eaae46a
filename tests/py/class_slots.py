class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
print(p.x, p.y)
try:
    p.z = 3
except AttributeError as e:
    print(e)
print(hasattr(p, "__dict__"))
print(P.__slots__)
del p.x
try:
    p.x
except AttributeError as e:
    print(e)
class Q(P):
    __slots__ = ("z",)
q = Q(1, 2)
q.z = 3
print(q.x, q.y, q.z)
class R(P):
    pass
r = R(1, 2)
r.extra = 9
print(r.extra, vars(r))
class S:
    __slots__ = "only"
s = S()
s.only = 1
print(s.only)
class T:
    __slots__ = ("a", "__dict__")
t = T(); t.a = 1; t.b = 2
print(t.a, t.__dict__)
print(type(P.x).__name__)
