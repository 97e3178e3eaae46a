class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __getitem__(self, k):
        x, y = k
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError("out of grid")
        return self.cells.get(k, ".")
    def __setitem__(self, k, v): self.cells[k] = v
    def __delitem__(self, k): del self.cells[k]
    def __contains__(self, k): return k in self.cells
    def __len__(self): return len(self.cells)
    def __iter__(self):
        for y in range(self.h):
            yield "".join(self[x, y] for x in range(self.w))
g = Grid(4, 3)
g[1, 1] = "#"; g[2, 0] = "@"; g[3, 2] = "*"
for row in g: print(row)
print((1, 1) in g, (0, 0) in g, len(g))
del g[1, 1]
print(len(g), list(g)[1])
try:
    g[9, 9]
except IndexError as e:
    print(e)
class Seq:
    def __getitem__(self, i):
        if i >= 5: raise IndexError
        return i * i
print(list(Seq()), 9 in Seq(), 7 in Seq())
for v in Seq():
    print(v, end=" ")
print()
class Sliceable:
    def __getitem__(self, s):
        return (s.start, s.stop, s.step) if isinstance(s, slice) else s
sl = Sliceable()
print(sl[1:2], sl[::3], sl[:5:-1], sl[1, 2:3], sl[...])
