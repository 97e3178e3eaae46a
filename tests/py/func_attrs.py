def f(a, b=1, *args, c, d=2, **kw):
    "doc string"
    x = a + b
    return x

print(f.__name__)
print(f.__qualname__)
print(f.__doc__)
print(f.__defaults__)
print(f.__kwdefaults__)
print(f.__code__.co_argcount, f.__code__.co_kwonlyargcount, f.__code__.co_posonlyargcount)
print(f.__code__.co_varnames)
print(f.__code__.co_name)
print(f.__module__)
f.custom = 42
print(f.custom, f.__dict__)

class C:
    def m(self):
        def inner():
            pass
        return inner
print(C.m.__qualname__)
print(C().m().__qualname__)
print((lambda: 0).__name__)
def g():
    pass
print(g.__doc__)
g.__name__ = "renamed"
print(g.__name__)
print(f.__annotations__)
def ann(x: int, y: "str" = "a") -> list:
    pass
print(ann.__annotations__)
