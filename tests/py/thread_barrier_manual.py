import _thread, time
N = 4
arrived = [0]
lock = _thread.allocate_lock()
phase_log = []
finished = [0]
def wait_all(target):
    with lock:
        arrived[0] += 1
    while True:
        with lock:
            if arrived[0] >= target:
                return
        time.sleep(0.0005)
def worker(tid):
    with lock:
        phase_log.append(("p1", tid))
    wait_all(N)
    with lock:
        phase_log.append(("p2", tid))
        finished[0] += 1
for t in range(N):
    _thread.start_new_thread(worker, (t,))
while True:
    with lock:
        if finished[0] == N:
            break
    time.sleep(0.001)
first_p2 = next(i for i, p in enumerate(phase_log) if p[0] == "p2")
print(first_p2 >= N, sorted(phase_log))
