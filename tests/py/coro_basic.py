async def add(a, b):
    return a + b
async def main():
    x = await add(1, 2)
    y = await add(x, 10)
    return [x, y]
c = main()
print(type(c).__name__)
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
class Awaitable:
    def __init__(self, v): self.v = v
    def __await__(self):
        got = yield ("request", self.v)
        return got * 2
async def uses():
    a = await Awaitable(1)
    b = await Awaitable(2)
    return a + b
co = uses()
print(co.send(None))
print(co.send(10))
try:
    co.send(20)
except StopIteration as e:
    print("final", e.value)
async def nothing():
    pass
n = nothing()
try:
    n.send(None)
except StopIteration as e:
    print(e.value)
print(add.__name__, main.__qualname__)
co2 = add(1, 1)
co2.close()
print("closed coroutine")
