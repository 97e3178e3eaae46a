class Plugin:
    registry = {}
    def __init_subclass__(cls, key=None, **kw):
        super().__init_subclass__(**kw)
        cls.key = key or cls.__name__.lower()
        Plugin.registry[cls.key] = cls
class A(Plugin): pass
class B(Plugin, key="bee"): pass
class C(B): pass
print(sorted(Plugin.registry))
print(C.key)
try:
    class Bad(Plugin, nokey=1): pass
except TypeError as e:
    print(e)
class Base:
    def __init_subclass__(cls):
        print("init_subclass", cls.__name__, cls.__mro__[1].__name__)
class S1(Base): pass
class S2(S1): pass
class Validated:
    def __init_subclass__(cls, /, required=(), **kw):
        super().__init_subclass__(**kw)
        for r in required:
            if not hasattr(cls, r):
                raise TypeError(f"{cls.__name__} missing {r}")
class Good(Validated, required=("run",)):
    def run(self): pass
try:
    class Missing(Validated, required=("run",)): pass
except TypeError as e:
    print(e)
print(Good.__name__)
