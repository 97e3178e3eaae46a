class Meta(type):
    def __instancecheck__(cls, inst):
        return isinstance(inst, int)
    def __subclasscheck__(cls, sub):
        return sub is bool
class Intish(metaclass=Meta): pass
print(isinstance(3, Intish), isinstance("a", Intish), issubclass(bool, Intish), issubclass(int, Intish))
print(isinstance(True, int), issubclass(bool, (str, int)), isinstance(1, ()))
try:
    isinstance(1, 1)
except TypeError as e:
    print(e)
try:
    issubclass(1, int)
except TypeError as e:
    print(e)
print(isinstance(int, type), isinstance(type, type), isinstance(type, object), isinstance(object, type))
print(type(type).__name__, type(object).__name__, object.__bases__, type.__bases__)
print(isinstance(None, type(None)), type(None).__name__)
