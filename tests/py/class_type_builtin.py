def init(self, v): self.v = v
T = type("T", (), {"__init__": init, "double": lambda self: self.v * 2})
print(T(4).double(), T.__name__, T.__bases__[0].__name__)
U = type("U", (T,), {})
print(U(5).double(), [c.__name__ for c in U.__mro__])
print(type(5).__name__, type("").__name__, type([]) is list)
try:
    type("X", (1,), {})
except TypeError as e:
    print(e)
try:
    type(1, 2)
except TypeError as e:
    print(e)
try:
    class F(int, str): pass
except TypeError as e:
    print(e)
try:
    class G(bool): pass
except TypeError as e:
    print(e)
N = type("N", (), {"__slots__": ()})
try:
    N().a = 1
except AttributeError as e:
    print(e)
