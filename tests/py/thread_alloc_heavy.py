import _thread, time
res = {}
lock = _thread.allocate_lock()
def churn(tid):
    keep = []
    for i in range(3000):
        obj = {"id": i, "tags": [str(i)] * 3, "t": (tid, i)}
        if i % 100 == 0:
            keep.append(obj)
    total = sum(o["id"] for o in keep)
    with lock:
        res[tid] = (len(keep), total, keep[-1]["tags"][0])
for t in range(4):
    _thread.start_new_thread(churn, (t,))
while True:
    with lock:
        if len(res) == 4:
            break
    time.sleep(0.001)
print(sorted(res.items()))
