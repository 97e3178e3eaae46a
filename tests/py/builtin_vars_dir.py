class C:
    cls_attr = 1
    def __init__(self):
        self.inst = 2
    def meth(self):
        pass
c = C()
print(vars(c), sorted(k for k in vars(C) if not k.startswith("__")))
d = dir(c)
print([n for n in d if not n.startswith("__")], d == sorted(d))
print("__init__" in d, "__class__" in d, "__dict__" in d)
import math
print([n for n in dir(math) if n.startswith("is")])
def f():
    local1 = 1
    local2 = 2
    return sorted(dir())
print(f())
class Custom:
    def __dir__(self):
        return ["zeta", "alpha"]
print(dir(Custom()))
