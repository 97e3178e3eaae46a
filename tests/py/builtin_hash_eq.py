print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(False))
print(hash(1.5) == hash(1.5), hash(-0.0) == hash(0.0))
print(hash(float("inf")), hash(float("-inf")))
print(hash(2 ** 100) == hash(2 ** 100), hash(10 ** 20) % 1000)
print(hash(1 + 0j) == hash(1), hash(frozenset()) == hash(frozenset()))
print({1: "int", 1.0: "float", True: "bool"})
print({0, 0.0, False, -0.0})
print(len({"a", "a", "b"}), len({(1, 2), (1, 2)}))
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return self.v % 3
    def __eq__(self, o): return self.v == o.v
print(len({K(1), K(4), K(1)}), K(1) in {K(1)}, K(7) in {K(4)})
print(hash("abc") == hash("ab" + "c"), hash(b"abc") == hash("abc"))
print(hash("abc"), hash(b"xyz"), hash(("a", 1)))
