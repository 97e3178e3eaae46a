import sys
print(sys.exc_info())
try:
    raise ValueError("one")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None)
    print(sys.exception() is v)
    try:
        raise KeyError("two")
    except KeyError:
        print(sys.exc_info()[1])
    print(sys.exc_info()[1])
print(sys.exc_info())
def f():
    return sys.exc_info()[0]
try:
    raise TypeError
except TypeError:
    print(f().__name__)
print(sys.exception())
