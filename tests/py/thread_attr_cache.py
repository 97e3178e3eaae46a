# Attribute caches under threads: instances whose __init__ sets attributes in
# different orders (the store hint misses and recovers), methods shadowed by
# instance attributes on some instances, and a shared object whose counter
# attribute is updated under a lock (no lost update).
import _thread


class P:
    def __init__(self, k):
        if k % 2:
            self.a = k
            self.b = k * 2
        else:
            self.b = k * 2
            self.a = k
        if k % 5 == 0:
            self.total = lambda: -1  # shadows the method below

    def total(self):
        return self.a + self.b


class Shared:
    def __init__(self):
        self.count = 0
        self.seen = 0


shared = Shared()
lock = _thread.allocate_lock()
done = _thread.allocate_lock()
results = {}
NTHREADS, N = 4, 3000
left = [NTHREADS]


def work(tid):
    acc = 0
    for k in range(N):
        p = P(k)
        acc += p.total()
        p.a += 1
        p.b = p.b - 1
        acc += p.a - p.b
        with lock:
            shared.count += 1
            shared.seen = shared.seen + k
    with lock:
        results[tid] = acc
        left[0] -= 1
        if left[0] == 0:
            done.release()


done.acquire()
for t in range(NTHREADS):
    _thread.start_new_thread(work, (t,))
done.acquire()
print(sorted(results.values()))
print(shared.count, shared.seen)
print(len(set(results.values())) == 1)
