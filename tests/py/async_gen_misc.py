def run(c):
    try:
        while True:
            c.send(None)
    except StopIteration as e:
        return e.value
async def ticks(n):
    for i in range(n):
        yield i
        if i == 10:
            return
async def collect():
    out = []
    async for t in ticks(20):
        out.append(t)
    return out
print(run(collect()))
async def gen_comp():
    return {t async for t in ticks(5)}, {t: t * 2 async for t in ticks(3)}, [x async for x in ticks(4) if x % 2]
print(run(gen_comp()))
ag = ticks(2)
print(type(ag).__name__, hasattr(ag, "__anext__"), hasattr(ag, "asend"), ag.ag_running)
async def lazy():
    it = ticks(3)
    return [await it.__anext__() for _ in range(3)]
print(run(lazy()))
try:
    async def bad():
        yield 1
        return
    print("return without value allowed")
except SyntaxError:
    pass
