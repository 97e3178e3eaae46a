import _thread, time
d = {}
finished = []
fl = _thread.allocate_lock()
def writer(tid):
    for i in range(1000):
        d[(tid, i)] = i * tid
        d["shared"] = tid
    with fl:
        finished.append(tid)
for t in range(4):
    _thread.start_new_thread(writer, (t,))
while len(finished) < 4:
    time.sleep(0.001)
print(len(d), d["shared"] in range(4))
print(sum(v for k, v in d.items() if k != "shared"))
