def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
g = count(4)
print(type(g).__name__, next(g), next(g), list(g), list(g))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def with_return():
    yield 1
    return "done"
print(list(with_return()))
def empty():
    return
    yield
print(list(empty()))
gen = (i * i for i in range(5))
print(next(gen), sum(gen))
print(g.__name__, fib.__name__, f.__qualname__)
def gen_in_loop():
    for word in "the quick brown fox".split():
        if len(word) > 3:
            yield word.upper()
print(list(gen_in_loop()))
