print(None, repr(None), type(None), None is None, None == None, None != 0, bool(None))
print(..., Ellipsis, type(...), ... is Ellipsis, bool(...))
print(NotImplemented, type(NotImplemented).__name__, bool(NotImplemented) if False else "skip")
def f():
    ...
print(f())
x = [1, ..., 3]
print(x, x[1] is Ellipsis)
try:
    None.attr = 1
except AttributeError as e:
    print(e)
try:
    nothing = None
    nothing()
except TypeError as e:
    print(e)
print(hash(None) == hash(None), {None: 1}[None], [None] * 2, sorted([3, 1], key=lambda v: (v is None, v)))
print(type(None)() is None, type(...)() is ..., type(NotImplemented)() is NotImplemented)
