def f():
    import math
    from math import sqrt as s
    return math.floor(s(10))
print(f())
print("math" in dir())
def g():
    import _helper_mod
    return _helper_mod.greet("func")
print(g())
mod = __import__("math")
print(mod.pi)
import itertools, time, math as m2
print(m2.e > 2, itertools.__name__, time.__name__)
