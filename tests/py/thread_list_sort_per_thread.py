import _thread, time
res = {}
lock = _thread.allocate_lock()
def work(tid):
    data = [(i * (tid + 3) * 7919) % 1009 for i in range(3000)]
    data.sort()
    words = sorted(str(x) for x in data[:200])
    with lock:
        res[tid] = (data[0], data[-1], data[1500], words[:3])
for t in range(4):
    _thread.start_new_thread(work, (t,))
while True:
    with lock:
        if len(res) == 4:
            break
    time.sleep(0.001)
for k in sorted(res):
    print(k, res[k])
