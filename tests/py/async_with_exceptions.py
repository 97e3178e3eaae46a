def run(c):
    try:
        while True:
            c.send(None)
    except StopIteration as e:
        return e.value
class Tx:
    def __init__(self, log): self.log = log
    async def __aenter__(self):
        self.log.append("begin")
        return self
    async def __aexit__(self, et, ev, tb):
        self.log.append("rollback" if et else "commit")
        return et is ValueError
async def main():
    log = []
    async with Tx(log):
        log.append("work1")
    async with Tx(log):
        raise ValueError("suppressed")
    try:
        async with Tx(log):
            raise KeyError("escapes")
    except KeyError as e:
        log.append(f"caught {e}")
    async with Tx(log) as t:
        log.append(type(t).__name__)
    return log
for l in run(main()):
    print(l)
