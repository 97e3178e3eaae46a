class A:
    x = "A.x"
    def m(self): return "A.m"
class B(A):
    pass
class C(B):
    x = "C.x"
o = C()
print(o.x, o.m(), B.x)
A.m = lambda self: "patched"
print(o.m())
A.new = "late"
print(o.new, C.new)
o.x = "inst"
print(o.x, C.x)
del o.x
print(o.x)
del C.x
print(o.x)
C.__bases__ = (A,)
print([k.__name__ for k in C.__mro__])
class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
        self.id = Counter.count
cs = [Counter() for _ in range(5)]
print(Counter.count, [c.id for c in cs])
