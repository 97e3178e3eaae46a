class C:
    x = 1
c = C()
setattr(c, "y", 2)
print(getattr(c, "x"), getattr(c, "y"), hasattr(c, "z"))
delattr(c, "y")
print(hasattr(c, "y"))
try:
    getattr(c, "z")
except AttributeError as e:
    print(e)
print(getattr(c, "z", None))
try:
    delattr(c, "nope")
except AttributeError as e:
    print(e)
setattr(C, "method", lambda self: "added")
print(c.method())
for name in ["upper", "lower", "title"]:
    print(getattr("MiXed", name)())
try:
    setattr(c, 1, 2)
except TypeError as e:
    print(e)
try:
    hasattr(c)
except TypeError as e:
    print(e)
