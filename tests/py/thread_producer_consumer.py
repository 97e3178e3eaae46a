import _thread, time
queue = []
qlock = _thread.allocate_lock()
consumed = []
state = {"producers_done": 0, "consumers_done": 0}
def producer(pid):
    for i in range(300):
        with qlock:
            queue.append(pid * 1000 + i)
    with qlock:
        state["producers_done"] += 1
def consumer(cid):
    got = []
    while True:
        with qlock:
            if queue:
                got.append(queue.pop())
                continue
            if state["producers_done"] == 2:
                break
        time.sleep(0.0005)
    with qlock:
        consumed.extend(got)
        state["consumers_done"] += 1
_thread.start_new_thread(consumer, (0,))
_thread.start_new_thread(consumer, (1,))
_thread.start_new_thread(producer, (1,))
_thread.start_new_thread(producer, (2,))
while True:
    with qlock:
        if state["consumers_done"] == 2:
            break
    time.sleep(0.001)
print(len(consumed), sum(consumed), sorted(consumed)[:3], len(set(consumed)))
