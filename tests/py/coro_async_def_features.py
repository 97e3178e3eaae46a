import sys
def run(c):
    try:
        while True:
            c.send(None)
    except StopIteration as e:
        return e.value
async def square(x):
    return x * x
async def main():
    results = [await square(i) for i in range(5)]
    d = {i: await square(i) for i in range(3)}
    total = 0
    for i in range(3):
        total += await square(i)
    lam = [await x for x in [square(7), square(8)]]
    try:
        await square("a")
    except TypeError as e:
        err = str(e)
    return results, d, total, lam, err
print(run(main()))
print(main.__code__.co_flags & 0x80 != 0, square.__name__)
c = square(3)
print(type(c).__name__, c.cr_running, c.cr_frame is not None)
print(run(c))
print(c.cr_frame)
