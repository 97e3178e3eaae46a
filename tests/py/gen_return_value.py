def g(n):
    total = 0
    for i in range(n):
        total += yield i
    return total
def driver():
    result = yield from g(3)
    return result * 10
d = driver()
next(d)
d.send(1)
d.send(2)
try:
    d.send(3)
except StopIteration as e:
    print(e.value)
def direct():
    return 5
    yield
try:
    next(direct())
except StopIteration as e:
    print(e.value, e.args)
def returns_tuple():
    yield
    return (1, 2)
r = returns_tuple(); next(r)
try:
    next(r)
except StopIteration as e:
    print(e.value)
def returns_none():
    yield
rn = returns_none(); next(rn)
try:
    next(rn)
except StopIteration as e:
    print(e.value, e.args)
