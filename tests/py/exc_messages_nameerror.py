def t(f):
    try:
        f()
    except (NameError, AttributeError) as e:
        print(type(e).__name__, e)
t(lambda: undefined_thing)
def local_unbound():
    print(v)
    v = 1
t(local_unbound)
class A:
    def __init__(self): self.value = 1
t(lambda: A().valeu)
t(lambda: A.nope)
t(lambda: [].apend)
t(lambda: (1).imag2)
import math
t(lambda: math.nope)
t(lambda: type.nope)
def free():
    def inner():
        return z
    inner_res = None
    try:
        inner_res = inner()
    finally:
        pass
    z = 1
t(free)
