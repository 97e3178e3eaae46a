# exec()/eval() of generator and coroutine code objects: exec drops the
# generator, eval returns it; code that takes arguments raises TypeError.
def g():
    yield 1
    yield 2
print(exec(g.__code__))
r = eval(g.__code__)
print(type(r).__name__, list(r), r.__name__)
def h(x):
    yield x
try:
    eval(h.__code__)
except TypeError as e:
    print("TE", e)
def outer():
    k = 5
    def inner():
        yield k
    return inner
inn = outer()
print(list(eval(inn.__code__, globals(), None, closure=inn.__closure__)) if False else "skip")
async def co():
    return 3
c = eval(co.__code__)
print(type(c).__name__)
try:
    c.send(None)
except StopIteration as e:
    print("SI", e.value)
