class A:
    def __init__(self, **kw):
        print("A init", sorted(kw))
        super().__init__(**kw)
class B:
    def __init__(self, b=None, **kw):
        print("B init", b)
        super().__init__(**kw)
class C(A, B):
    def __init__(self, c=None, **kw):
        print("C init", c)
        super().__init__(**kw)
C(c=1, b=2)
print([k.__name__ for k in C.__mro__])
class Mixin:
    def greet(self): return "hello from " + self.name()
class Named:
    def name(self): return type(self).__name__
class Thing(Mixin, Named): pass
print(Thing().greet())
try:
    object.__init__(object(), 1)
except TypeError as e:
    print(e)
class NoInit:
    pass
try:
    NoInit(1)
except TypeError as e:
    print(e)
