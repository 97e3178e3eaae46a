import math
print(math.floor(5), math.ceil(5), math.trunc(5.9), math.isqrt(0))
print(math.sqrt(2 ** 100), math.log(2 ** 1000), math.log2(2 ** 64), math.log10(10 ** 50))
print(math.factorial(30) // math.factorial(28))
print(math.isqrt(2 ** 200) == 2 ** 100, math.isqrt(99), math.isqrt(100), math.isqrt(101))
class F:
    def __floor__(self): return "floor!"
    def __ceil__(self): return "ceil!"
    def __trunc__(self): return "trunc!"
print(math.floor(F()), math.ceil(F()), math.trunc(F()))
class Fl:
    def __float__(self): return 4.0
print(math.sqrt(Fl()))
class Idx:
    def __index__(self): return 6
print(math.factorial(Idx()), math.comb(Idx(), 2))
print(math.nextafter(1.0, 2.0), math.ulp(1.0), math.nextafter(0.0, -1.0))
print(math.cbrt(27) if hasattr(math, "cbrt") else 3.0, math.exp2(10) if hasattr(math, "exp2") else 1024.0)
print(float.fromhex("0x1.8p1"), (1.5).hex(), (0.1).as_integer_ratio(), (2.5).is_integer())
