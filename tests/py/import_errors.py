try:
    import no_such_module_xyz
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from _helper_mod import no_such_name
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
try:
    import _helper_bad
except ZeroDivisionError as e:
    print("module raised", e)
import sys
print("_helper_bad" in sys.modules)
try:
    from math import nope
except ImportError as e:
    print(e)
