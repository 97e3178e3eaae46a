class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
        return False
with CM("a") as a:
    print("body", a.name)
with CM("x") as x, CM("y") as y:
    print("both", x.name, y.name)
try:
    with CM("err"):
        raise ValueError("inside")
except ValueError as e:
    print("outside", e)
with (CM("p1") as p1,
      CM("p2")):
    print("parenthesized")
def f():
    with CM("ret"):
        return "returned"
print(f())
for i in range(2):
    with CM(str(i)):
        if i == 0:
            continue
        break
with CM("noas"):
    pass
class NoEnter:
    def __exit__(self, *a): pass
try:
    with NoEnter():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
class NoExit:
    def __enter__(self): pass
try:
    with NoExit():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
