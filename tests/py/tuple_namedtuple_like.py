class Point(tuple):
    __slots__ = ()
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self): return self[0]
    @property
    def y(self): return self[1]
    def __repr__(self): return f"Point(x={self.x}, y={self.y})"
    def _replace(self, **kw):
        return Point(kw.get("x", self.x), kw.get("y", self.y))
p = Point(1, 2)
print(p, p.x, p.y, p[0], len(p), p == (1, 2), isinstance(p, tuple))
x, y = p
print(x + y, p._replace(y=5), hash(p) == hash((1, 2)))
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
try:
    p.z = 1
except AttributeError as e:
    print(e)
print({p: "pt"}[(1, 2)])
