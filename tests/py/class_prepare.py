class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 1}
    def __new__(mcls, name, bases, ns, **kw):
        print("keys", [k for k in ns if not k.startswith("__")])
        return super().__new__(mcls, name, bases, dict(ns))
class C(metaclass=OrderedMeta, opt="v"):
    b = 1
    a = 2
    def z(self): pass
print(C.injected)

class LoggingDict(dict):
    def __setitem__(self, k, v):
        print("set", k)
        super().__setitem__(k, v)
class M(type):
    @classmethod
    def __prepare__(m, name, bases):
        return LoggingDict()
class D(metaclass=M):
    x = 1
    def f(self): pass
print(D.x)
