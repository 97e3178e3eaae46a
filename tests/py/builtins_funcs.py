# Every builtin function with ordinary and bad arguments (messages as python3.11).
def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!", type(e).__name__, e)
    else:
        print(label, "->", repr(r))

class Idx:
    def __index__(self):
        return 10
class Rnd:
    def __round__(self, n=None):
        return ("round", n)
class NoLen:
    pass
class Len:
    def __len__(self):
        return 3
class BadLen:
    def __len__(self):
        return -1
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
class Rev:
    def __reversed__(self):
        return iter("zyx")
class NoRev(Seq):
    __reversed__ = None
class Abs:
    def __abs__(self):
        return "abs!"
class Fmt:
    def __format__(self, spec):
        return "fmt(" + spec + ")"
class H:
    def __hash__(self):
        return 2**70
class Cmp:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __gt__(self, o):
        return self.v > o.v
    def __repr__(self):
        return "Cmp(%r)" % self.v

show("abs", lambda: (abs(-5), abs(-2.5), abs(3 + 4j), abs(True), abs(Abs())))
show("abs bad", lambda: abs("x"))
show("all/any", lambda: (all([]), any([]), all([1, 0]), any([0, "", 3]), all(x > 0 for x in [1, 2])))
show("all bad", lambda: all(5))
show("ascii", lambda: (ascii("é€\n"), ascii([1, "ü"]), ascii(b"\xff")))
show("bin/oct/hex", lambda: (bin(10), oct(-64), hex(2**70), bin(Idx()), hex(True)))
show("hex bad", lambda: hex(1.5))
show("oct bad", lambda: oct("7"))
show("callable", lambda: (callable(len), callable(1), callable(Idx), callable(Idx()), callable(Rnd().__round__)))
show("chr", lambda: (chr(97), chr(0x1F600), chr(Idx()), chr(True)))
for bad in (-1, 0x110000, 2**40, "a", 1.5):
    show("chr bad %r" % (bad,), lambda: chr(bad))
show("ord", lambda: (ord("a"), ord("€"), ord(b"a"), ord(bytearray(b"z"))))
for bad in ("", "ab", b"ab", 1, None):
    show("ord bad %r" % (bad,), lambda: ord(bad))
show("divmod", lambda: (divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), divmod(2**70, 3)))
show("divmod 0", lambda: divmod(1, 0))
show("divmod bad", lambda: divmod(1, "a"))
show("format", lambda: (format(3.14159, ".3f"), format(255, "#x"), format("ab", "^6"), format(Fmt(), "q"), format(1)))
show("format bad spec", lambda: format(1, 2))
show("format bad", lambda: format([], "x"))
show("hash", lambda: (hash(1), hash("") , hash((1, 2)), hash(1.5)))
show("hash bad", lambda: hash([]))
show("id", lambda: id(show) == id(show))
show("isinstance", lambda: (isinstance(1, int), isinstance(True, (str, int)), isinstance(1, (str, (float, int)))))
show("isinstance bad", lambda: isinstance(1, 1))
show("issubclass", lambda: (issubclass(bool, int), issubclass(int, (str, object))))
show("issubclass bad", lambda: issubclass(1, int))
show("issubclass bad2", lambda: issubclass(int, 1))
show("len", lambda: (len([1, 2]), len("abc"), len(Len()), len({1: 2}), len(range(10))))
show("len bad", lambda: len(5))
show("len nolen", lambda: len(NoLen()))
show("len neg", lambda: len(BadLen()))
show("min/max", lambda: (min(3, 1, 2), max([1, 5, 2]), min("hello"), max([], default="d"), min([3, 1], key=lambda x: -x)))
show("max Cmp", lambda: (max(Cmp(1), Cmp(3), Cmp(2)), min([Cmp(5), Cmp(0)])))
show("min stable", lambda: (min([(1, "a"), (1, "b")], key=lambda t: t[0]), max([(1, "a"), (1, "b")], key=lambda t: t[0])))
show("min empty", lambda: min([]))
show("max empty", lambda: max(()))
show("min default multi", lambda: min(1, 2, default=0))
show("min kw", lambda: min([1], bogus=1))
show("max mixed", lambda: max(1, "a"))
show("min none", lambda: min())
show("pow", lambda: (pow(2, 10), pow(2, -1), pow(3, 4, 5), pow(2, -1, 5), pow(base=2, exp=3, mod=3), pow(2.0, 0.5)))
show("pow 0 mod", lambda: pow(2, 3, 0))
show("pow float mod", lambda: pow(2.0, 3, 5))
show("pow not inv", lambda: pow(2, -1, 4))
show("pow bad", lambda: pow("a", 2))
show("round", lambda: (round(2.5), round(3.5), round(2.675, 2), round(1234, -2), round(-0.5), round(Rnd()), round(Rnd(), 3)))
show("round types", lambda: (type(round(2.5)), type(round(2.5, 0)), type(round(7, 1))))
show("round bad", lambda: round("1"))
show("round bad nd", lambda: round(1.5, "x"))
show("round inf", lambda: round(float("inf")))
show("round nan", lambda: round(float("nan")))
show("sorted", lambda: (sorted([3, 1, 2]), sorted("bca", reverse=True), sorted([(1, "b"), (0, "c")], key=lambda t: t[1])))
show("sorted stable", lambda: sorted(["bb", "a", "cc", "d"], key=len))
show("sorted bad", lambda: sorted([1, "a"]))
show("sorted kw", lambda: sorted([], cmp=1))
show("sorted pos", lambda: sorted([], None))
show("sum", lambda: (sum([1, 2, 3]), sum([0.1] * 10), sum([[1], [2]], []), sum(range(101), start=-50), sum([1, 2.5, 3j])))
show("sum big", lambda: sum([2**62, 2**62, 2**62, -2**63]))
show("sum bool", lambda: sum([1 > 0, 1 > 0, 1 < 0]))
show("sum str", lambda: sum(["a"], ""))
show("sum bytes", lambda: sum([b"a"], b""))
show("sum bad", lambda: sum([1, "a"]))
show("repr", lambda: (repr("a'b"), repr(1.0), repr([None]), repr(Ellipsis)))
show("getattr", lambda: (getattr(1, "real"), getattr(1, "nope", "dflt"), getattr(Idx, "__name__")))
show("getattr missing", lambda: getattr(1, "nope"))
show("getattr name", lambda: getattr(1, 2))
o = Idx()
show("setattr", lambda: (setattr(o, "x", 5), o.x, hasattr(o, "x"), delattr(o, "x"), hasattr(o, "x")))
show("setattr int", lambda: setattr(1, "x", 2))
show("delattr missing", lambda: delattr(o, "nope"))
show("hasattr bad", lambda: hasattr(1, None))
show("iter seq", lambda: list(iter(Seq())))
show("iter bad", lambda: iter(5))
show("iter callable bad", lambda: iter(5, 1))
show("next not iter", lambda: next([1]))
show("next default", lambda: next(iter([]), "dflt"))
show("next stop", lambda: next(iter([])))
def gen():
    yield 1
    return "retval"
g = gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print("StopIteration value", e.value)
show("vars", lambda: sorted(vars(Idx()).items()))
show("vars bad", lambda: vars(1))
show("dir", lambda: [n for n in dir(Idx) if not n.startswith("__")])
show("dir obj", lambda: "__index__" in dir(Idx()))
show("open", lambda: open())
show("aiter bad", lambda: aiter(1))
show("anext bad", lambda: anext(1))
show("builtins names", lambda: [n for n in ("abs", "print", "zip", "ValueError", "__build_class__", "__debug__") if n not in dir(__builtins__)])
import builtins
show("builtins module", lambda: (builtins.__name__, getattr(builtins, "True"), builtins.__debug__))
show("constants", lambda: (getattr(builtins, "None"), builtins.Ellipsis, builtins.NotImplemented, builtins.IOError is OSError))
