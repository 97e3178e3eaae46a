class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name[1:]} must be {self.kind.__name__}")
        setattr(obj, self.name, value)
class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, n, a):
        self.name = n
        self.age = a
p = Person("ann", 30)
print(p.name, p.age)
try:
    p.age = "old"
except TypeError as e:
    print(e)
print(type(Person.name).__name__)

class NonData:
    def __get__(self, obj, t):
        return "from descriptor"
class H:
    attr = NonData()
h = H()
print(h.attr)
h.__dict__['attr'] = "from instance"
print(h.attr)

class Data:
    def __get__(self, obj, t):
        return "data get"
    def __set__(self, obj, v):
        print("data set", v)
class H2:
    attr = Data()
h2 = H2()
h2.__dict__['attr'] = "inst"
print(h2.attr)
h2.attr = 5
class Del:
    def __get__(self, o, t): return 1
    def __delete__(self, o): print("delete called")
class H3:
    a = Del()
del H3().a
