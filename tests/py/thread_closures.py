import _thread, time
results = []
lock = _thread.allocate_lock()
def make_worker(base):
    acc = [base]
    def step(n):
        nonlocal_total = 0
        for i in range(n):
            acc[0] += i
            nonlocal_total += 1
        return nonlocal_total
    def run():
        k = step(100)
        with lock:
            results.append((base, acc[0], k))
    return run
for b in range(5):
    _thread.start_new_thread(make_worker(b * 10), ())
while len(results) < 5:
    time.sleep(0.001)
print(sorted(results))
