class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.owner = owner.__name__
        self.name = name
class Model:
    a = Field()
    b = Field()
print(Model.a.name, Model.b.owner)
f = Field()
class Other:
    x = f
print(f.name)
class Late:
    pass
Late.y = Field()
print(hasattr(Late.y, "name"))
class Err:
    def __set_name__(self, owner, name):
        raise ValueError("bad " + name)
try:
    class Fail:
        q = Err()
except Exception as e:
    print(type(e).__name__, e, type(e.__cause__).__name__ if e.__cause__ else None)
