import _helper_mod
from _helper_mod import greet, CONST as C
import _helper_mod as hm
print(_helper_mod.CONST, C, greet("x"), hm is _helper_mod)
print(_helper_mod.__name__, _helper_mod.counter())
print(_helper_mod.counter(), hm.counter())
import _helper_mod
print(_helper_mod.counter())
print(_helper_mod.Thing(3).double())
print(sorted(n for n in dir(_helper_mod) if not n.startswith("_")))
import sys
print("_helper_mod" in sys.modules)
print(_helper_mod.__file__.endswith("_helper_mod.py"))
