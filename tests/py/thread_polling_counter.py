import _thread, time
state = {"count": 0}
lock = _thread.allocate_lock()
def inc(n):
    for _ in range(n):
        with lock:
            state["count"] += 1
for n in (100, 200, 300, 400):
    _thread.start_new_thread(inc, (n,))
while True:
    with lock:
        c = state["count"]
    if c == 1000:
        break
    time.sleep(0.001)
print(state)
