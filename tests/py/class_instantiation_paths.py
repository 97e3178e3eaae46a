# Class instantiation: the direct path (object.__new__ + a Python __init__)
# and everything that must still go the general way.
class A:
    def __init__(self, x, y=2, *rest, k=0, **kw):
        self.v = (x, y, rest, k, sorted(kw.items()))


print(A(1).v, A(1, 3, 4, 5, k=6, z=7).v, A(x=9).v)
try:
    A()
except TypeError as e:
    print("TypeError:", e)
try:
    A(1, k=2, k2=3, **{"x": 4})
except TypeError as e:
    print("TypeError:", e)


class Bad:
    def __init__(self):
        return 5


try:
    Bad()
except TypeError as e:
    print("TypeError:", e)


class Raises:
    def __init__(self, n):
        raise ValueError("no %d" % n)


try:
    Raises(3)
except ValueError as e:
    print("ValueError:", e)


class NoInit:
    pass


try:
    NoInit(1)
except TypeError as e:
    print("TypeError:", e)
print(type(NoInit()).__name__)


class WithNew:
    def __new__(cls, *a):
        o = super().__new__(cls)
        o.order = ["new"]
        return o

    def __init__(self, *a):
        self.order.append("init%d" % len(a))


print(WithNew(1, 2).order)


class Meta(type):
    def __call__(cls, *a, **k):
        print("Meta.__call__", a, k)
        return super().__call__(*a, **k)


class M(metaclass=Meta):
    def __init__(self, a):
        self.a = a


print(M(5).a)


class L(list):
    def __init__(self, n):
        super().__init__(range(n))
        self.n = n


l = L(3)
print(l, l.n)


class S:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a, self.b = a, b


s = S(1, 2)
print(s.a + s.b)


class Later:
    def __init__(self):
        self.x = 1


print(Later().x)
Later.__init__ = lambda self: setattr(self, "x", 2)
print(Later().x)


class Callable:
    def __call__(self, obj, v):
        obj.v = v


class ViaObject:
    __init__ = Callable()


try:
    ViaObject(4)
except TypeError as e:
    print("TypeError:", e)


class ViaStatic:
    @staticmethod
    def __init__(*a):
        print("static init", len(a))


ViaStatic(1, 2)


class Deep:
    def __init__(self, n):
        self.child = Deep(n - 1) if n else None


d = Deep(50)
depth = 0
while d:
    d, depth = d.child, depth + 1
print(depth)
print(str(12), str(b"x"), str(), type(3).__name__)


class StrSub(str):
    pass


class HasStr:
    def __str__(self):
        return StrSub("sub")


r = str(HasStr())
print(r, type(r).__name__)
