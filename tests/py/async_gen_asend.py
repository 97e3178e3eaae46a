def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
async def echo():
    received = None
    while True:
        received = yield f"got {received}"
        if received == "stop":
            return
async def main():
    g = echo()
    out = [await g.asend(None)]
    out.append(await g.asend("a"))
    out.append(await g.asend("b"))
    try:
        await g.asend("stop")
    except StopAsyncIteration:
        out.append("stopped")
    return out
print(run(main()))
async def thrower():
    try:
        yield 1
    except ValueError:
        yield "handled"
async def main2():
    g = thrower()
    await g.__anext__()
    r = await g.athrow(ValueError)
    await g.aclose()
    return r
print(run(main2()))
async def fin():
    try:
        yield 1
    finally:
        print("async gen finally")
async def main3():
    g = fin()
    await g.__anext__()
    await g.aclose()
    return "closed"
print(run(main3()))
