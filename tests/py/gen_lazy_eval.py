log = []
def noisy(n):
    for i in range(n):
        log.append(f"produce {i}")
        yield i
def mapper(it):
    for x in it:
        log.append(f"map {x}")
        yield x * 10
p = mapper(noisy(3))
log.append("created")
first = next(p)
log.append(f"got {first}")
rest = list(p)
print(log)
print(first, rest)
import itertools
print(list(itertools.islice((i * i for i in itertools.count()), 3, 8)))
g = (print("side effect", i) or i for i in range(2))
print("before consumption")
print(list(g))
