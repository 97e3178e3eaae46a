class P:
    def __init__(self, x): self.x = x
    def __repr__(self): return f"P({self.x})"
p = P(1)
print(p.__class__.__name__, type(p).__mro__[-1].__name__, p.__dict__, P.__dict__["__init__"].__name__)
print(object.__repr__(p).startswith("<__main__.P object at"), str(p), format(p, ""))
print(p.__eq__(p), p.__eq__(P(1)), p.__ne__(P(1)), p.__hash__() == hash(p))
print(object.__eq__(1, 1), object.__eq__(1, 2))
print(P.__init__.__qualname__, p.__init__.__func__ is P.__init__)
print(p.__reduce_ex__ is not None, p.__sizeof__() > 0, p.__dir__ is not None)
print(sorted(x for x in dir(p) if not x.startswith("__")), "x" in dir(p))
print(object.__str__(p), object.__format__(p, ""))
print(p.__getattribute__("x"), object.__getattribute__(p, "x"))
try:
    object.__format__(p, "d")
except TypeError as e:
    print(e)
print(P.__subclasshook__(P), object.__init_subclass__ is not None)
