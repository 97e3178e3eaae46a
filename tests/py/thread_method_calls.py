import _thread, time
class Worker:
    registry = []
    lock = _thread.allocate_lock()
    def __init__(self, wid):
        self.wid = wid
        self.done = 0
    def run(self, n):
        for i in range(n):
            self.done += self.step(i)
        with Worker.lock:
            Worker.registry.append((self.wid, self.done))
    def step(self, i):
        return i % 3
workers = [Worker(i) for i in range(5)]
for w in workers:
    _thread.start_new_thread(w.run, (300 + w.wid,))
while True:
    with Worker.lock:
        if len(Worker.registry) == 5:
            break
    time.sleep(0.001)
print(sorted(Worker.registry))
