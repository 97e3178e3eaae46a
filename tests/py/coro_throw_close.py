class Y:
    def __await__(self):
        yield "y"
async def f():
    try:
        await Y()
    except ValueError as e:
        return "handled " + str(e)
c = f()
print(c.send(None))
try:
    c.throw(ValueError("x"))
except StopIteration as e:
    print(e.value)
async def g():
    try:
        await Y()
    finally:
        print("g finally")
c2 = g()
c2.send(None)
c2.close()
async def h():
    return 1
c3 = h()
c3.send(None) if False else None
try:
    c3.send(1)
except TypeError as e:
    print(e)
c3.close()
c4 = h()
try:
    c4.send(None)
except StopIteration:
    pass
try:
    c4.send(None)
except RuntimeError as e:
    print(e)
