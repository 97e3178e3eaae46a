async def f():
    return 1
async def bad():
    await 5
c = bad()
try:
    c.send(None)
except TypeError as e:
    print(e)
class NotIt:
    def __await__(self):
        return 5
async def bad2():
    await NotIt()
try:
    bad2().send(None)
except TypeError as e:
    print(e)
async def raises():
    raise KeyError("inside")
try:
    raises().send(None)
except KeyError as e:
    print("propagated", e)
async def chain():
    try:
        await raises()
    except KeyError:
        return "caught in chain"
try:
    chain().send(None)
except StopIteration as e:
    print(e.value)
co = f()
try:
    next(co)
except TypeError as e:
    print(e)
co.close()
