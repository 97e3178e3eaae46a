import sys
def g():
    yield 1
    yield 2
it = g()
print(it.gi_running, it.gi_frame is not None, it.gi_code.co_name)
next(it)
print(it.gi_frame.f_lineno)
list(it)
print(it.gi_frame)
def reentrant():
    yield next(me)
me = reentrant()
try:
    next(me)
except ValueError as e:
    print(e)
def yf():
    yield from g()
y = yf(); next(y)
print(y.gi_yieldfrom is not None)
print(type(iter(g())).__name__)
print(hasattr(g(), "__next__"), hasattr(g(), "send"))
