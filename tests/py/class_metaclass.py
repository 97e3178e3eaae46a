class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["created_by"] = mcls.__name__
        cls = super().__new__(mcls, name, bases, ns)
        cls.extra = kw
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.inited = True
    def __call__(cls, *a):
        print("Meta.__call__", cls.__name__, a)
        return super().__call__(*a)
class A(metaclass=Meta, flag=1):
    def __init__(self, v):
        self.v = v
print(A.created_by, A.extra, A.inited)
a = A(5)
print(a.v, type(A).__name__)
class B(A):
    pass
print(type(B).__name__, B.extra)
b = B(1)

class Registry(type):
    classes = []
    def __new__(m, name, bases, ns):
        c = super().__new__(m, name, bases, ns)
        m.classes.append(name)
        return c
class R1(metaclass=Registry): pass
class R2(R1): pass
print(Registry.classes)
print(isinstance(A, type), isinstance(A, Meta))
T = type("T", (object,), {"x": 1, "f": lambda self: self.x + 1})
print(T().f(), T.__name__)
class M2(type):
    def __repr__(cls):
        return "<class via M2 " + cls.__name__ + ">"
class W(metaclass=M2): pass
print(W, repr(W))
