def dataclass(cls):
    fields = list(cls.__annotations__)
    defaults = {f: cls.__dict__[f] for f in fields if f in cls.__dict__}
    def __init__(self, *args, **kw):
        for f, a in zip(fields, args):
            setattr(self, f, a)
        for f in fields[len(args):]:
            if f in kw:
                setattr(self, f, kw.pop(f))
            elif f in defaults:
                setattr(self, f, defaults[f])
            else:
                raise TypeError(f"missing field {f}")
        if kw:
            raise TypeError(f"unexpected {sorted(kw)}")
    def __repr__(self):
        return f"{cls.__name__}(" + ", ".join(f"{f}={getattr(self, f)!r}" for f in fields) + ")"
    def __eq__(self, o):
        if type(o) is not type(self):
            return NotImplemented
        return all(getattr(self, f) == getattr(o, f) for f in fields)
    cls.__init__, cls.__repr__, cls.__eq__ = __init__, __repr__, __eq__
    cls.__hash__ = None
    return cls
@dataclass
class Point:
    x: int
    y: int = 0
    label: str = "p"
p = Point(1, label="A")
print(p, p == Point(1, 0, "A"), p == Point(2), p != 5)
try:
    Point()
except TypeError as e:
    print(e)
try:
    Point(1, z=2)
except TypeError as e:
    print(e)
try:
    hash(p)
except TypeError as e:
    print(e)
print(Point.__annotations__)
