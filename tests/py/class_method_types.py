class C:
    def inst(self): return ("inst", type(self).__name__)
    @classmethod
    def cls(cls): return ("cls", cls.__name__)
    @staticmethod
    def stat(*a): return ("stat", a)
class D(C): pass
for obj in (C, C(), D, D()):
    try:
        i = obj.inst()
    except TypeError as e:
        i = str(e)
    print(i, obj.cls(), obj.stat(1))
print(type(C.inst).__name__, type(C().inst).__name__, type(C.cls).__name__, type(C.stat).__name__)
m = C().inst
print(m.__name__, m.__qualname__, m.__func__.__name__)
um = C.inst
print(um(D()))
f = C.__dict__["cls"]
print(f.__get__(None, D)())
print(classmethod(lambda c: c.__name__).__get__(None, int)())
