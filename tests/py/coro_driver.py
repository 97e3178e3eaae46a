class Sleep:
    def __init__(self, n): self.n = n
    def __await__(self):
        yield self.n
class Scheduler:
    def __init__(self):
        self.ready = []
        self.log = []
    def spawn(self, coro, name):
        self.ready.append((coro, name))
    def run(self):
        while self.ready:
            coro, name = self.ready.pop(0)
            try:
                v = coro.send(None)
                self.log.append((name, v))
                self.ready.append((coro, name))
            except StopIteration as e:
                self.log.append((name, "done", e.value))
async def worker(name, n):
    total = 0
    for i in range(n):
        await Sleep(i)
        total += i
    return name * total
s = Scheduler()
s.spawn(worker("a", 3), "A")
s.spawn(worker("b", 2), "B")
s.spawn(worker("c", 1), "C")
s.run()
for entry in s.log:
    print(entry)
