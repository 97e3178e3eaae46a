import math
class C:
    def m(self): pass
    @staticmethod
    def s(): pass
    @classmethod
    def c(cls): pass
    def __call__(self): pass
for obj in [len, print, math.sqrt, C, C(), C().m, C.m, C.s, C.c, lambda: 0, int, "str", 1, None, (x for x in []), type, object()]:
    print(callable(obj), type(obj).__name__)
