class Base:
    """Base doc."""
    a = 1
    def f(self): pass
class Child(Base):
    b = 2
    def g(self): pass
print(Child.__doc__, Base.__doc__, Child.__name__, Child.__bases__, Child.__base__)
print(sorted(k for k in Child.__dict__ if not k.startswith("__")))
print([n for n in dir(Child) if not n.startswith("__")])
print(hasattr(Child, "f"), "f" in Child.__dict__, callable(getattr(Child, "g")))
print(Child.__module__, type(Child.__dict__).__name__, Base.__subclasses__() == [Child])
print(Child.mro() == list(Child.__mro__), object in Child.__mro__)
inst = Child()
print(inst.__class__.__name__, type(inst).a, type(inst).__dict__.get("a", "not direct"))
print(getattr(inst, "__doc__"), Child.__qualname__)
