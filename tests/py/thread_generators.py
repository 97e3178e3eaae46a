import _thread, time
results = {}
lock = _thread.allocate_lock()
def gen(n):
    a, b = 0, 1
    for _ in range(n):
        yield a
        a, b = b, a + b
def worker(tid):
    g = gen(50 + tid)
    total = 0
    for v in g:
        total += v % 1000
    squares = list(x * x for x in range(tid * 100))
    with lock:
        results[tid] = (total, len(squares), sum(squares))
for t in range(5):
    _thread.start_new_thread(worker, (t,))
while True:
    with lock:
        if len(results) == 5:
            break
    time.sleep(0.001)
for k in sorted(results):
    print(k, results[k])
