def inner():
    x = yield "i1"
    print("inner got", x)
    yield "i2"
    return "inner-result"
def outer():
    r = yield from inner()
    print("outer got", r)
    yield "o1"
g = outer()
print(next(g))
print(g.send("sent"))
print(next(g))
try:
    next(g)
except StopIteration:
    print("done")
def flatten(x):
    if isinstance(x, list):
        for y in x:
            yield from flatten(y)
    else:
        yield x
print(list(flatten([1, [2, [3, [4, 5]], 6], [[7]]])))
def from_iter():
    yield from range(3)
    yield from "ab"
    yield from {"k": 1}
print(list(from_iter()))
def thrower():
    try:
        yield 1
    except ValueError:
        yield "inner handled"
def deleg():
    yield from thrower()
d = deleg(); next(d)
print(d.throw(ValueError))
def closer():
    try:
        yield 1
    finally:
        print("inner closed")
def deleg2():
    yield from closer()
d2 = deleg2(); next(d2); d2.close()
