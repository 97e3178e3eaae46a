class Suppress:
    def __init__(self, *types): self.types = types
    def __enter__(self): return self
    def __exit__(self, t, v, tb):
        if t is not None and issubclass(t, self.types):
            self.caught = v
            return True
        return False
with Suppress(KeyError) as s:
    {}["x"]
print("suppressed", repr(s.caught))
try:
    with Suppress(KeyError):
        1 / 0
except ZeroDivisionError:
    print("not suppressed")
class Transform:
    def __enter__(self): return self
    def __exit__(self, t, v, tb):
        if t:
            raise RuntimeError("transformed") from v
try:
    with Transform():
        raise ValueError("orig")
except RuntimeError as e:
    print(e, repr(e.__cause__), repr(e.__context__))
