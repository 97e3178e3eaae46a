def f(a: int, b: str = "x", *args: float, c: bool = True, **kw: dict) -> None:
    pass
for k, v in f.__annotations__.items():
    print(k, v)
x: int = 5
y: list
print(__annotations__)
class C:
    a: int
    b: str = "s"
    def m(self) -> "C":
        return self
print(C.__annotations__)
print(C.m.__annotations__)
print('a' in C.__dict__, C.b)
def g():
    z: int = 3
    return z
print(g())
