class DefaultDict(dict):
    def __init__(self, factory):
        super().__init__()
        self.factory = factory
    def __missing__(self, key):
        v = self[key] = self.factory()
        return v
dd = DefaultDict(list)
dd["a"].append(1)
dd["b"].append(2)
dd["a"].append(3)
print(dd, dd.get("zz"), "zz" in dd)
class Counter(dict):
    def __missing__(self, k):
        return 0
    def add(self, items):
        for i in items:
            self[i] += 1
        return self
c = Counter().add("mississippi")
print(sorted(c.items()), c["q"], len(c))
class Upper(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.upper())
u = Upper()
u["abc"] = 1
print(u, u["ABC"], u["abc"], dict(u), type(u).__name__)
u2 = Upper(x=1)
print(u2)
print(isinstance(dd, dict), issubclass(Counter, dict), Counter.__mro__[1].__name__)
