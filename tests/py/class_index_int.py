class Idx:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
i = Idx(3)
print([0, 1, 2, 3, 4][i], "abcdef"[i], "abcdef"[Idx(1):Idx(4)], bin(i), hex(i), oct(i))
print(range(10)[i], list(range(Idx(5))), [1, 2] * Idx(2), operator_like := i.__index__())
class AsInt:
    def __int__(self): return 7
    def __float__(self): return 7.5
    def __complex__(self): return 1j
print(int(AsInt()), float(AsInt()), complex(AsInt()))
try:
    [1, 2][AsInt()]
except TypeError as e:
    print(e)
class BadIdx:
    def __index__(self): return "x"
try:
    [1][BadIdx()]
except TypeError as e:
    print(e)
print(round(7.5), int("7"), int(7.9), pow(Idx(2), Idx(3)) if False else 8)
