import _thread, time
r = _thread.RLock()
print(r.acquire(), r.acquire())
r.release(); r.release()
print("released twice")
total = [0]
left = [3]
ll = _thread.allocate_lock()
def rec(n):
    with r:
        if n:
            total[0] += 1
            rec(n - 1)
def worker():
    for _ in range(100):
        rec(5)
    with ll:
        left[0] -= 1
for _ in range(3):
    _thread.start_new_thread(worker, ())
while left[0]:
    time.sleep(0.001)
print(total[0])
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError", e)
