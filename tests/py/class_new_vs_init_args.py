class Only_new:
    def __new__(cls, a, b=2):
        o = super().__new__(cls)
        o.sum = a + b
        return o
print(Only_new(1).sum, Only_new(1, 5).sum)
class Only_init:
    def __init__(self, a):
        self.a = a
print(Only_init(3).a)
class Neither:
    pass
try:
    Neither(1)
except TypeError as e:
    print(e)
class Both:
    def __new__(cls, *a, **k):
        print("new", a, k)
        return super().__new__(cls)
    def __init__(self, *a, **k):
        print("init", a, k)
Both(1, x=2)
class SubList(list):
    def __init__(self, *a):
        super().__init__(a)
print(SubList(1, 2, 3), len(SubList()))
