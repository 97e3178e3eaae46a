class A:
    def __len__(self):
        return 5
a = A()
a.__len__ = lambda: 100
print(len(a), a.__len__())
class B:
    pass
b = B()
b.__repr__ = lambda: "instance repr"
print(repr(b).startswith("<__main__.B object"), b.__repr__())
B.__repr__ = lambda self: "class repr"
print(repr(b))
class C:
    def __getattr__(self, n):
        if n == "__len__":
            return lambda: 42
        raise AttributeError(n)
try:
    len(C())
except TypeError as e:
    print(e)
print(C().__len__())
class D:
    __iter__ = None
try:
    iter(D())
except TypeError as e:
    print(e)
class E:
    __hash__ = None
try:
    hash(E())
except TypeError as e:
    print(e)
