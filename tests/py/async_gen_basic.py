async def agen(n):
    for i in range(n):
        yield i * 10
async def consume():
    out = []
    async for v in agen(4):
        out.append(v)
    return out
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
print(run(consume()))
async def comp():
    return [v async for v in agen(3) if v]
print(run(comp()))
ag = agen(2)
print(type(ag).__name__)
async def manual():
    it = ag.__aiter__()
    a = await it.__anext__()
    b = await anext(it)
    try:
        await it.__anext__()
    except StopAsyncIteration:
        return a, b, "stop"
print(run(manual()))
async def with_default():
    return await anext(agen(0), "dflt")
print(run(with_default()))
