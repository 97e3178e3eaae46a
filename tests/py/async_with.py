def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
log = []
class ACM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    async def __aenter__(self):
        log.append("enter " + self.name)
        return self.name.upper()
    async def __aexit__(self, t, v, tb):
        log.append(f"exit {self.name} {t.__name__ if t else None}")
        return self.suppress
async def main():
    async with ACM("a") as x, ACM("b") as y:
        log.append(x + y)
    async with ACM("s", suppress=True):
        raise ValueError
    try:
        async with ACM("n"):
            raise KeyError
    except KeyError:
        log.append("keyerror out")
    return "ok"
print(run(main()))
for l in log:
    print(l)
class NotACM:
    pass
async def bad():
    async with NotACM():
        pass
try:
    run(bad())
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
