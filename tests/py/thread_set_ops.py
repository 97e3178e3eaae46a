import _thread, time
s = set()
lock = _thread.allocate_lock()
left = [4]
def adder(tid):
    for i in range(tid * 1000, tid * 1000 + 800):
        with lock:
            s.add(i)
            s.add(str(i % 50))
    with lock:
        left[0] -= 1
for t in range(4):
    _thread.start_new_thread(adder, (t,))
while left[0]:
    time.sleep(0.001)
print(len(s), min(x for x in s if isinstance(x, int)), max(x for x in s if isinstance(x, int)))
