class cached_property:
    def __init__(self, fn):
        self.fn = fn
        self.__doc__ = fn.__doc__
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        v = self.fn(obj)
        obj.__dict__[self.name] = v
        return v
class Data:
    computed = 0
    def __init__(self, xs):
        self.xs = xs
    @cached_property
    def total(self):
        "sum of xs"
        Data.computed += 1
        return sum(self.xs)
d = Data([1, 2, 3])
print(d.total, d.total, Data.computed, "total" in vars(d))
del d.total
print(d.total, Data.computed)
print(Data.total.__doc__, type(Data.total).__name__)
class Ro:
    @property
    def v(self):
        return 1
try:
    Ro().v = 2
except AttributeError as e:
    print(e)
class Chain:
    def __init__(self): self._x = 0
    x = property(lambda s: s._x, lambda s, v: setattr(s, "_x", v * 2), doc="x prop")
c = Chain(); c.x = 5
print(c.x, Chain.x.__doc__)
