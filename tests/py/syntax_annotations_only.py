a: int
b: str = "x"
print("a" in dir(), b, __annotations__)
def f():
    c: int
    d: list = []
    return d
print(f())
class K:
    x: int
    y: "forward" = 1
    z: list[int] = []
print(K.__annotations__, K.y, hasattr(K, "x"))
lst = [0]
lst[0]: int = 5
print(lst)
class O: pass
o = O()
o.attr: str = "set"
print(o.attr)
