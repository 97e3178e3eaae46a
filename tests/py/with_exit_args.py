class Inspect:
    def __enter__(self):
        return "value"
    def __exit__(self, *args):
        t, v, tb = args
        print(len(args), t.__name__ if t else t, repr(v), tb is not None)
        return isinstance(v, KeyError)
with Inspect() as v:
    print(v)
with Inspect():
    raise KeyError("swallowed")
print("after swallow")
try:
    with Inspect():
        raise IndexError("kept")
except IndexError as e:
    print("kept", e)
class Truthy:
    def __enter__(self): return self
    def __exit__(self, *a): return "yes"
with Truthy():
    1 / 0
print("truthy return suppresses")
class Nested:
    def __init__(self, n): self.n = n
    def __enter__(self): print("in", self.n); return self
    def __exit__(self, *a): print("out", self.n)
with Nested(1), Nested(2), Nested(3):
    print("middle")
class ExitRaises:
    def __enter__(self): return self
    def __exit__(self, *a): raise RuntimeError("exit failed")
try:
    with ExitRaises():
        raise ValueError("body")
except RuntimeError as e:
    print(e, "context:", repr(e.__context__))
