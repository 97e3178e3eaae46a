# Abstract classes without the abc module: setting, clearing and deleting
# __abstractmethods__, object.__new__'s error, subclasses, a metaclass that sets it.
class A:
    def f(self): pass
A.__abstractmethods__ = frozenset({'f', 'g'})
try:
    A()
except TypeError as e:
    print("TE", e)
A.__abstractmethods__ = frozenset()
print(type(A()).__name__)
print(A.__abstractmethods__)
try:
    print(object.__abstractmethods__)
except AttributeError as e:
    print("AE", e)
class B:
    pass
B.__abstractmethods__ = frozenset({'x'})
try:
    B()
except TypeError as e:
    print("TE", e)
del B.__abstractmethods__
print(type(B()).__name__)
class C(A):
    pass
A.__abstractmethods__ = frozenset({'f'})
print(type(C()).__name__)
try:
    A()
except TypeError as e:
    print("TE", e)
class Meta(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        cls.__abstractmethods__ = frozenset(k for k, v in ns.items() if getattr(v, "__isabstractmethod__", False))
        return cls
def abstract(f):
    f.__isabstractmethod__ = True
    return f
class Base(metaclass=Meta):
    @abstract
    def run(self): pass
    def __init__(self, x): self.x = x
class Impl(Base):
    def run(self): return self.x
try:
    Base(1)
except TypeError as e:
    print("TE", e)
print(Impl(5).run())
try:
    int.__abstractmethods__ = frozenset()
except TypeError as e:
    print("TE", e)
try:
    del C.__abstractmethods__
except AttributeError as e:
    print("AE", e)
