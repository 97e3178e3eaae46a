# enumerate, zip, map, filter, reversed, iter(callable, sentinel): results,
# laziness, pickling protocol, subclassing and errors.
def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!", type(e).__name__, e)
    else:
        print(label, "->", repr(r))

show("enumerate", lambda: list(enumerate("abc")))
show("enumerate start", lambda: (list(enumerate("ab", 5)), list(enumerate("ab", start=-1)), list(enumerate("ab", 2**64))))
show("enumerate kw", lambda: list(enumerate(iterable="xy", start=3)))
show("enumerate big", lambda: list(enumerate("abc", 2**63 - 2)))
show("enumerate bad start", lambda: enumerate([], 1.5))
show("enumerate bad", lambda: enumerate(5))
show("enumerate none", lambda: enumerate())
show("enumerate kwbad", lambda: enumerate([], x=1))
show("enumerate many", lambda: enumerate([], 1, 2))
e = enumerate("ab")
show("enumerate iter", lambda: (iter(e) is e, next(e), e.__reduce__()[1][1], next(e)))
show("enumerate stop", lambda: next(e))
show("zip", lambda: (list(zip("ab", [1, 2, 3])), list(zip()), list(zip("a")), list(zip("ab", "cd", "ef"))))
show("zip strict ok", lambda: list(zip("ab", "cd", strict=True)))
show("zip strict short", lambda: list(zip("abc", "cd", strict=True)))
show("zip strict long", lambda: list(zip("a", "cd", strict=True)))
show("zip strict 3", lambda: list(zip("ab", "cd", "e", strict=True)))
show("zip strict 3 long", lambda: list(zip("a", "c", "ef", strict=True)))
show("zip bad", lambda: zip(1))
show("zip kw", lambda: zip(x=1))
show("zip reduce", lambda: (zip("a", strict=True).__reduce__()[2], len(zip("a", "b").__reduce__())))
show("map", lambda: (list(map(len, ["a", "bb"])), list(map(pow, [2, 3], [3, 2, 1])), list(map(lambda *a: a, "ab", "cde"))))
show("map few", lambda: map(len))
show("map bad", lambda: map(len, 5))
show("map kw", lambda: map(func=len))
show("map err", lambda: list(map(int, ["1", "x"])))
show("filter", lambda: (list(filter(None, [0, 1, "", "a", [], [0]])), list(filter(lambda x: x > 1, [1, 2, 3])), list(filter(bool, [0, 2]))))
show("filter few", lambda: filter(None))
show("filter bad", lambda: filter(None, 5))
show("filter kw", lambda: filter(None, [], x=1))
show("reversed", lambda: (list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2)))))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
class Rev:
    def __reversed__(self):
        return iter("zyx")
class NoRev(Seq):
    __reversed__ = None
show("reversed seq", lambda: list(reversed(Seq())))
show("reversed custom", lambda: list(reversed(Rev())))
show("reversed none", lambda: reversed(NoRev()))
show("reversed dict", lambda: list(reversed({1: 2, 3: 4})))
show("reversed bad", lambda: reversed(5))
show("reversed set", lambda: reversed({1}))
show("reversed kw", lambda: reversed(seq=[]))
r = reversed(Seq())
show("reversed hint", lambda: (r.__length_hint__(), next(r), r.__length_hint__(), type(r).__name__))
show("reversed reduce", lambda: (r.__reduce__()[2], r.__setstate__(5), r.__length_hint__(), list(r), r.__length_hint__()))
class Counter:
    def __init__(self):
        self.n = 0
    def __call__(self):
        self.n += 1
        return self.n
show("iter callable", lambda: list(iter(Counter(), 4)))
it = iter(Counter(), 2)
show("calliter", lambda: (type(it).__name__, next(it), next(it, "end"), next(it, "end")))
def stopper():
    raise StopIteration
show("calliter stop", lambda: list(iter(stopper, 1)))
show("calliter error", lambda: list(iter(lambda: 1 / 0, 1)))
class MyEnum(enumerate):
    pass
show("subclass", lambda: (list(MyEnum("ab")), type(MyEnum("a")).__name__, isinstance(MyEnum("a"), enumerate)))
class MyMap(map):
    def __init__(self, *a):
        self.tag = "t"
show("subclass map", lambda: (list(MyMap(str, [1])), MyMap(str, []).tag))
show("types", lambda: [t.__name__ for t in (enumerate, zip, map, filter, reversed)])
show("lazy", lambda: next(map(lambda x: 1 / x, [1, 0])))
gen_calls = []
def g():
    for i in range(3):
        gen_calls.append(i)
        yield i
z = zip(g(), "a")
show("zip order", lambda: (list(z), gen_calls))
