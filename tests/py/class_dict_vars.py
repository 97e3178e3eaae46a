class C:
    a = 1
    def __init__(self): self.b = 2
c = C()
print(vars(c), c.__dict__)
c.__dict__["z"] = 26
print(c.z)
print(sorted(k for k in vars(C) if not k.startswith("__")))
print(type(C.__dict__).__name__)
try:
    C.__dict__["q"] = 1
except TypeError as e:
    print(e)
setattr(C, "q", 5)
print(C.q, c.q)
delattr(C, "q")
print(hasattr(c, "q"))
print(sorted(d for d in dir(c) if not d.startswith("__")))
try:
    vars(1)
except TypeError as e:
    print(e)
c.__dict__ = {"new": 1}
print(vars(c))
def f(): pass
f.attr = 1
print(vars(f))
