# Keywords of a class statement reach __init_subclass__ (an implicit classmethod).
class Kw:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
class Kw2(Kw, tag="x"):
    pass
try:
    type("Q", (), {}, bogus=1)
except TypeError as e:
    print(e)
