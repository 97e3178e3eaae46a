import _thread, time
per_thread = {}
lock = _thread.allocate_lock()
def work(tid):
    local = 0
    for i in range(5000):
        local += i % 7
    with lock:
        per_thread[tid] = local
for t in range(4):
    _thread.start_new_thread(work, (t,))
while True:
    with lock:
        if len(per_thread) == 4:
            break
    time.sleep(0.001)
print(per_thread[0], sum(per_thread.values()))
