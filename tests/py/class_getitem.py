class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"
print(Box[int])
print(Box["x", 1])
class Sub(Box): pass
print(Sub[3])
print(list[int], dict[str, int], tuple[int, ...])
print(type(list[int]).__name__)
print(list[int]([1, 2]))
print(list[int].__origin__ is list, list[int].__args__)
try:
    int[str]
except TypeError as e:
    print(e)
class WithGetitem:
    def __getitem__(self, k):
        return "instance " + str(k)
    def __class_getitem__(cls, k):
        return "class " + str(k)
print(WithGetitem()[1], WithGetitem[1])
