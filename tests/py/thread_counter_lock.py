import _thread, time
N_THREADS = 4
N_ITER = 2000
counter = 0
lock = _thread.allocate_lock()
done = []
done_lock = _thread.allocate_lock()
def work(tid):
    global counter
    for _ in range(N_ITER):
        with lock:
            counter += 1
    with done_lock:
        done.append(tid)
for t in range(N_THREADS):
    _thread.start_new_thread(work, (t,))
while True:
    with done_lock:
        if len(done) == N_THREADS:
            break
    time.sleep(0.001)
print(counter, sorted(done))
