for v in [0, -0, 5, -5, 2.5, -2.5, -0.0, float("-inf"), 3 - 4j, True, False, -2 ** 100]:
    print(repr(v), repr(abs(v)), repr(-v), repr(+v))
class A:
    def __abs__(self): return "abs!"
    def __neg__(self): return "neg!"
    def __pos__(self): return "pos!"
print(abs(A()), -A(), +A())
try:
    abs([])
except TypeError as e:
    print(e)
try:
    +"s"
except TypeError as e:
    print(e)
