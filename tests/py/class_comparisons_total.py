class Version:
    def __init__(self, s):
        self.parts = tuple(int(x) for x in s.split("."))
    def __eq__(self, o): return self.parts == o.parts
    def __lt__(self, o): return self.parts < o.parts
    def __le__(self, o): return self.parts <= o.parts
    def __gt__(self, o): return self.parts > o.parts
    def __ge__(self, o): return self.parts >= o.parts
    def __hash__(self): return hash(self.parts)
    def __repr__(self): return ".".join(map(str, self.parts))
vs = [Version(s) for s in ["1.10", "1.2", "1.2.1", "0.9", "1.2", "2.0"]]
print(sorted(vs), min(vs), max(vs), len(set(vs)))
print(Version("1.2") < Version("1.10"), Version("3") >= Version("2.9.9"), Version("1.0") == Version("1.0"))
print(sorted(vs, reverse=True)[:3])
