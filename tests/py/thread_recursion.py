import _thread, time
res = []
lock = _thread.allocate_lock()
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)
def work(tid):
    a = fib(15 + tid)
    b = deep(400)
    try:
        def inf(k):
            return inf(k + 1)
        inf(0)
        c = "no error"
    except RecursionError:
        c = "RecursionError"
    with lock:
        res.append((tid, a, b, c))
for t in range(3):
    _thread.start_new_thread(work, (t,))
while True:
    with lock:
        if len(res) == 3:
            break
    time.sleep(0.001)
for r in sorted(res):
    print(r)
