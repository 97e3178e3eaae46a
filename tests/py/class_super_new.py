class Base:
    def __new__(cls, *args):
        obj = super().__new__(cls)
        obj.created = cls.__name__
        return obj
    def __init__(self, v):
        self.v = v
class Derived(Base):
    def __init__(self, v, w):
        super().__init__(v)
        self.w = w
d = Derived(1, 2)
print(d.created, d.v, d.w)

class Singleton:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Singleton() is Singleton())

class NotSelf:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(NotSelf())

class MyInt(int):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)
print(MyInt(21), type(MyInt(1)).__name__)
class MyStr(str):
    def shout(self):
        return self.upper() + "!"
print(MyStr("hey").shout(), MyStr("a") + "b")
try:
    object.__new__(1)
except TypeError as e:
    print(e)
