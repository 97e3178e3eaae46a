def g():
    yield 1
    raise StopIteration("bad")
try:
    list(g())
except RuntimeError as e:
    print(e, type(e.__cause__).__name__)
def h():
    yield from ()
    return "val"
it = h()
try:
    next(it)
except StopIteration as e:
    print("return value", e.value)
try:
    next(it)
except StopIteration as e:
    print("again", e.value)
s = StopIteration(1, 2)
print(s.value, s.args)
print(StopIteration().value)
