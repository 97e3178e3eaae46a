# __build_class__: metaclasses, __prepare__, __mro_entries__, __classcell__,
# keywords and the errors of python3.11.
def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!", type(e).__name__, e)
    else:
        print(label, "->", repr(r))

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", mcls.__name__, name, [b.__name__ for b in bases], kw)
        return {"injected": 1}
    def __new__(mcls, name, bases, ns, **kw):
        print("new", name, sorted(k for k in ns if not k.startswith("__")), kw)
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)

class A(metaclass=Meta, flag=True):
    def m(self):
        return __class__
show("A", lambda: (A.injected, type(A).__name__, A().m() is A))
class B(A):
    pass
show("B meta", lambda: type(B).__name__)

class Base:
    pass
class Entry:
    def __mro_entries__(self, bases):
        return (Base,)
class C(Entry()):
    pass
show("mro_entries", lambda: ([k.__name__ for k in C.__mro__], [type(b).__name__ for b in C.__orig_bases__]))
class BadEntry:
    def __mro_entries__(self, bases):
        return [Base]
def bad_entry():
    class D(BadEntry()):
        pass
show("bad mro_entries", bad_entry)

class M1(type):
    pass
class M2(type):
    pass
class X(metaclass=M1):
    pass
class Y(metaclass=M2):
    pass
def conflict():
    class Z(X, Y):
        pass
show("conflict", conflict)
class M3(M1):
    pass
class W(X, metaclass=M3):
    pass
show("derived meta", lambda: type(W).__name__)
class V(metaclass=M1):
    pass
class U(V, X):
    pass
show("meta from bases", lambda: type(U).__name__)

def func_meta(name, bases, ns, **kw):
    return (name, bases, sorted(k for k in ns if not k.startswith("__")), kw)
class F(int, metaclass=func_meta, k=1):
    y = 2
show("function metaclass", lambda: F)

class BadPrep(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 5
def bad_prep():
    class G(metaclass=BadPrep):
        pass
show("bad prepare", bad_prep)

class NoCell(type):
    def __new__(mcls, name, bases, ns):
        ns2 = {k: v for k, v in ns.items() if k != "__classcell__"}
        return super().__new__(mcls, name, bases, ns2)
def no_cell():
    class H(metaclass=NoCell):
        def m(self):
            return __class__
show("classcell lost", no_cell)

class Other:
    pass
class WrongCell(type):
    def __new__(mcls, name, bases, ns):
        return Other
def wrong_cell():
    class J(metaclass=WrongCell):
        def m(self):
            return __class__
    return J
show("classcell other", wrong_cell)

class S:
    def hello(self):
        return "S"
class T(S):
    def hello(self):
        return "T" + super().hello()
show("super", lambda: T().hello())
show("qualname", lambda: (T.__qualname__, T.__module__, T.__name__))
def make():
    class Inner:
        pass
    return Inner
show("inner qualname", lambda: make().__qualname__)
show("build_class bad", lambda: __build_class__())
show("build_class func", lambda: __build_class__(1, "a"))
show("build_class name", lambda: __build_class__(lambda: None, 1))
show("build_class direct", lambda: __build_class__(make, "N").__name__)
