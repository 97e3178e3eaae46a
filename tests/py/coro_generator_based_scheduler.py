import itertools
def task(name, n):
    for i in range(n):
        yield f"{name}{i}"
def round_robin(*tasks):
    queue = list(tasks)
    out = []
    while queue:
        t = queue.pop(0)
        try:
            out.append(next(t))
            queue.append(t)
        except StopIteration:
            pass
    return out
print(round_robin(task("a", 3), task("b", 1), task("c", 2)))
def pinger():
    n = 0
    while True:
        msg = yield n
        if msg == "ping":
            n += 1
p = pinger()
next(p)
for m in ["ping", "x", "ping", "ping"]:
    r = p.send(m)
print(r)
print(list(itertools.islice(itertools.chain(task("x", 2), task("y", 5)), 4)))
