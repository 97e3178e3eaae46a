def g():
    x = yield
    y = (yield x) + 1
    z = [(yield y), (yield "second")]
    w = yield from [10, 20]
    return x, y, z, w
it = g()
print(next(it), it.send(5), it.send(7), it.send("a"), it.send("b"), next(it))
try:
    next(it)
except StopIteration as e:
    print(e.value)
def h():
    print((yield 1) + (yield 2))
i = h()
print(next(i), i.send(10))
try:
    i.send(20)
except StopIteration:
    print("h done")
lam = lambda: (yield 42)
print(list(lam()))
