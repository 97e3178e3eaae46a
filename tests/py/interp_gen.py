import sys
def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught in gen", e)
        yield 3
    finally:
        print("gen finally")
x = g()
print(next(x))
print(x.throw(ValueError("boom")))
x.close()
print(x.gi_frame, x.gi_running)
def g2():
    yield 1
    raise StopIteration
try: list(g2())
except RuntimeError as e: print(e, repr(e.__cause__))
def g3():
    try:
        yield
    except GeneratorExit:
        yield 5
y = g3(); next(y)
try: y.close()
except RuntimeError as e: print(e)
def running():
    z.send(None)
    yield
z = running()
try: next(z)
except ValueError as e: print(e)
def sub():
    try:
        yield 1
        yield 2
    except KeyError:
        print("sub caught")
        return "subret"
def outer():
    r = yield from sub()
    print("outer got", r)
    yield 99
o = outer()
print(next(o))
print(o.throw(KeyError))
def exc_in_gen():
    yield sys.exc_info()[0]
try:
    raise KeyError
except KeyError:
    print(next(exc_in_gen()))
def gen_handles():
    try:
        raise ValueError
    except ValueError:
        yield sys.exc_info()[0]
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]
h = gen_handles()
print(next(h))
try:
    raise TypeError
except TypeError:
    print(next(h))
print(next(h))
print(sys.exc_info())
async def co(n):
    return n * 2
async def main():
    a = await co(3)
    b = [await co(i) for i in range(3)]
    return a, b
c = main()
try: c.send(None)
except StopIteration as e: print("coro", e.value)
class AIt:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.i += 1
        if self.i > 3: raise StopAsyncIteration
        return self.i
async def agen():
    for i in range(3):
        yield i * 10
async def m2():
    out = []
    async for v in AIt(): out.append(v)
    async for v in agen(): out.append(v)
    return out
try: m2().send(None)
except StopIteration as e: print("async", e.value)
print(type(agen()).__name__, repr(g())[:26])
def gexpr():
    return sum(i * i for i in range(10))
print(gexpr())
