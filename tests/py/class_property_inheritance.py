class Base:
    def __init__(self): self._v = 1
    @property
    def v(self): return self._v
    @v.setter
    def v(self, val): self._v = val
class Child(Base):
    @Base.v.getter
    def v(self): return self._v * 100
c = Child()
c.v = 3
print(c.v, Base.v is not Child.v)
class Override(Base):
    v = 5
print(Override().v)
class Ext(Base):
    @property
    def v(self):
        return super().v + 1000
print(Ext().v)
try:
    Ext().v = 2
except AttributeError as e:
    print(e)
