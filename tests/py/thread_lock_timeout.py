import _thread, time
lock = _thread.allocate_lock()
lock.acquire()
start = time.monotonic()
got = lock.acquire(timeout=0.02)
elapsed = time.monotonic() - start
print(got, elapsed >= 0.015)
try:
    lock.acquire(False, 1)
except ValueError as e:
    print(e)
try:
    lock.acquire(timeout=-5)
except ValueError as e:
    print(e)
lock.release()
result = []
def holder():
    lock.acquire()
    time.sleep(0.01)
    result.append("holder done")
    lock.release()
_thread.start_new_thread(holder, ())
while not lock.locked() and not result:
    time.sleep(0.0005)
print(lock.acquire(timeout=2), result)
lock.release()
