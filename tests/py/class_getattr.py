class Lazy:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        if name.startswith("x"):
            return name.upper()
        raise AttributeError(f"no {name}")
l = Lazy()
print(l.real, l.xyz)
try:
    l.abc
except AttributeError as e:
    print(e)
print(getattr(l, "abc", "default"), hasattr(l, "xa"), hasattr(l, "q"))
class Tracker:
    def __init__(self):
        object.__setattr__(self, "log", [])
    def __getattribute__(self, name):
        if name != "log":
            object.__getattribute__(self, "log").append(name)
        return object.__getattribute__(self, name)
    def __setattr__(self, name, v):
        self.log.append("set " + name)
        object.__setattr__(self, name, v)
    def __delattr__(self, name):
        self.log.append("del " + name)
        object.__delattr__(self, name)
t = Tracker()
t.a = 1
t.a
del t.a
print(t.log)
class Both:
    def __getattribute__(self, n):
        if n == "boom":
            raise AttributeError(n)
        return object.__getattribute__(self, n)
    def __getattr__(self, n):
        return "fallback " + n
print(Both().boom)
o = object()
try:
    o.x = 1
except AttributeError as e:
    print(e)
try:
    (1).foo
except AttributeError as e:
    print(e)
