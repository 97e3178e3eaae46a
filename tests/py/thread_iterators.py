import _thread, time
import itertools
res = {}
lock = _thread.allocate_lock()
def work(tid):
    it = iter(range(tid * 100, tid * 100 + 100))
    evens = list(filter(lambda x: x % 2 == 0, it))
    pairs = list(zip(evens, itertools.count()))
    combos = sum(1 for _ in itertools.combinations(range(8 + tid), 3))
    acc = list(itertools.accumulate(range(tid + 5)))
    mapped = dict(map(lambda p: (p[1], p[0]), pairs))
    with lock:
        res[tid] = (len(evens), pairs[-1], combos, acc[-1], mapped[3])
for t in range(4):
    _thread.start_new_thread(work, (t,))
while True:
    with lock:
        if len(res) == 4:
            break
    time.sleep(0.001)
for k in sorted(res):
    print(k, res[k])
