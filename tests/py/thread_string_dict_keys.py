import _thread, time
d = {}
lock = _thread.allocate_lock()
left = [4]
def fill(tid):
    for i in range(2000):
        key = "k" + str(i % 500)
        with lock:
            d[key] = d.get(key, 0) + 1
    with lock:
        left[0] -= 1
for t in range(4):
    _thread.start_new_thread(fill, (t,))
while left[0]:
    time.sleep(0.001)
print(len(d), sum(d.values()), set(d.values()))
print(list(d)[:5])
