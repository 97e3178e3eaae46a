class P:
    def __init__(self, x):
        self.x = x
    def __eq__(self, o):
        return isinstance(o, P) and self.x == o.x
    def __hash__(self):
        return hash(self.x)
print(P(1) == P(1), P(1) != P(2), P(1) == 1)
print(len({P(1), P(1), P(2)}))
d = {P(3): "three"}
print(d[P(3)])
class NoHash:
    def __eq__(self, o):
        return True
try:
    hash(NoHash())
except TypeError as e:
    print(e)
print(NoHash.__hash__)
class Plain: pass
a = Plain()
print(a == a, a != a, a == Plain())
print(hash(a) == hash(a))
class NeOnly:
    def __ne__(self, o):
        return "ne called"
print(NeOnly() != 1)
class Inherit(P):
    pass
print(Inherit(1) == P(1), hash(Inherit(5)) == hash(5))
class EqInherit(P):
    def __eq__(self, o):
        return False
try:
    hash(EqInherit(1))
except TypeError as e:
    print(e)
