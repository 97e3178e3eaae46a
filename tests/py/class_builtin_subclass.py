class MyList(list):
    def sum(self): return sum(self)
    def __repr__(self): return "MyList(" + super().__repr__() + ")"
m = MyList([1, 2, 3])
m.append(4)
print(m, m.sum(), len(m), m[1:], type(m[1:]).__name__, isinstance(m, list))
class MyDict(dict):
    def __getitem__(self, k):
        return super().get(k, "default")
md = MyDict(a=1)
print(md["a"], md["zz"], md.get("zz"), dict(md))
class MyStr(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
s = MyStr("hello")
print(s, s + "!", type(s + "!").__name__, s.lower(), type(s).__name__, len(s))
class MyInt(int):
    def __add__(self, o): return MyInt(int(self) + int(o) + 1000)
print(MyInt(1) + 2, type(MyInt(1) + 2).__name__, MyInt(5) * 2, type(MyInt(5) * 2).__name__)
class MyFloat(float):
    pass
print(MyFloat(1.5) + 1, repr(MyFloat(2.5)))
class MyTuple(tuple):
    pass
print(MyTuple((1, 2)) + (3,), MyTuple("ab"))
