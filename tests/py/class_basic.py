class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def __repr__(self):
        return f"Point({self.x}, {self.y})"

p = Point(3, 4)
print(p, p.norm2(), p.dims, Point.dims)
p.dims = 3
print(p.dims, Point.dims)
print(type(p).__name__, type(p) is Point, isinstance(p, Point))
print(sorted(k for k in Point.__dict__ if not k.startswith("__")))
print(vars(p))
print(Point.__name__, Point.__qualname__, Point.__module__)
print(Point.norm2(p))
q = Point.__new__(Point)
print(hasattr(q, "x"))
q.__init__(1, 1)
print(q)
class Empty:
    pass
e = Empty()
print(type(e).__name__, Empty.__bases__[0].__name__)
