x = "global"
class C:
    x = "class"
    y = x + "!"
    def m(self):
        return x
    z = [x for _ in range(1)]
print(C.y, C().m(), C.z)

def f():
    x = "local"
    class D:
        print(x)
        x = "D"
        print(x)
        w = x
    return D
print(f().w)

def g():
    v = 1
    class E:
        nonlocal v
        v = 2
    return v
print(g())

class F:
    a = 1
    b = [a * i for i in range(3)] if False else None
    def meth(self):
        return __class__.__name__
print(F.b, F().meth())
