def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    return received
g = echo()
print(next(g))
print(g.send("a"))
print(g.send("b"))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)
def averager():
    total = count = 0
    avg = None
    while True:
        v = yield avg
        total += v
        count += 1
        avg = total / count
a = averager()
next(a)
print([a.send(v) for v in (10, 20, 30, 40)])
g2 = echo()
try:
    g2.send(1)
except TypeError as e:
    print(e)
print(g2.send(None))
def acc():
    s = 0
    while True:
        s += yield s
a2 = acc(); a2.send(None)
for i in range(5):
    r = a2.send(i)
print(r)
