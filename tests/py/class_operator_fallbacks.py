class OnlyEq:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, OnlyEq) and self.v == o.v
print(OnlyEq(1) == OnlyEq(1), OnlyEq(1) != OnlyEq(1), OnlyEq(1) != OnlyEq(2))
class LeftNI:
    def __eq__(self, o): return NotImplemented
class RightEq:
    def __eq__(self, o): return "right eq"
print(LeftNI() == RightEq(), RightEq() == LeftNI())
print(LeftNI() == LeftNI())
x = LeftNI()
print(x == x, x != x)
class Sub(int):
    def __eq__(self, o): return "sub eq"
    __hash__ = int.__hash__
print(1 == Sub(1), Sub(1) == 1)
class Rev:
    def __lt__(self, o): return "Rev.lt"
    def __gt__(self, o): return "Rev.gt"
print(1 < Rev(), Rev() > 1, 1 > Rev())
