class contextmanager:
    def __init__(self, fn): self.fn = fn
    def __call__(self, *a):
        return _GCM(self.fn(*a))
class _GCM:
    def __init__(self, gen): self.gen = gen
    def __enter__(self): return next(self.gen)
    def __exit__(self, t, v, tb):
        if t is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("didn't stop")
        try:
            self.gen.throw(v)
        except StopIteration:
            return True
        except BaseException as e:
            if e is v:
                return False
            raise
        raise RuntimeError("didn't stop after throw")
@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name
    finally:
        print(f"</{name}>")
with tag("html"):
    with tag("body") as b:
        print("content in", b)
@contextmanager
def ignoring(exc):
    try:
        yield
    except exc:
        print("ignored", exc.__name__)
with ignoring(KeyError):
    {}["x"]
try:
    with ignoring(KeyError):
        [][1]
except IndexError:
    print("IndexError escaped")
