class V:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        print("lt", self.v, o.v)
        return self.v < o.v
    def __le__(self, o): return self.v <= o.v
    def __gt__(self, o):
        print("gt", self.v, o.v)
        return self.v > o.v
    def __ge__(self, o): return self.v >= o.v
    def __repr__(self): return f"V({self.v})"
print(V(1) < V(2))
print(V(1) > V(2))
print(V(1) <= V(1), V(3) >= V(4))
print(sorted([V(3), V(1), V(2)]))
print(max([V(3), V(9), V(2)]))
class Only:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
print(Only(5) > Only(3))
try:
    Only(1) <= Only(2)
except TypeError as e:
    print(e)
try:
    V(1) < 3
except AttributeError as e:
    print(type(e).__name__)
class NI:
    def __lt__(self, o): return NotImplemented
    def __gt__(self, o): return NotImplemented
try:
    NI() < NI()
except TypeError as e:
    print(e)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 == 2)
class Sub(V):
    def __gt__(self, o):
        print("sub gt")
        return True
print(V(1) < Sub(2))
