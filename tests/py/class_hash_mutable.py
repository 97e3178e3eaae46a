class Key:
    def __init__(self, k): self.k = k
    def __hash__(self): return hash(self.k)
    def __eq__(self, o): return isinstance(o, Key) and o.k == self.k
    def __repr__(self): return f"Key({self.k})"
d = {Key(1): "a", Key(2): "b"}
print(d[Key(1)], Key(3) in d)
k = Key(5)
d[k] = "five"
k.k = 6
print(Key(5) in d, Key(6) in d, k in d, len(d))
print(sorted(d.values()))
class AlwaysEq:
    def __eq__(self, o): return True
    __hash__ = object.__hash__
a = AlwaysEq()
print(a in [1, 2], [1, 2].index(a) if a in [1, 2] else None, [1, 2].count(a))
print({1: "x"}.get(AlwaysEq(), "no"))
