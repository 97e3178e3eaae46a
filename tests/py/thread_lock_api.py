import _thread, time
lock = _thread.allocate_lock()
print(type(lock).__name__, lock.locked())
print(lock.acquire(), lock.locked())
print(lock.acquire(False))
print(lock.acquire(True, 0.01))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError", e)
with lock:
    print("in with", lock.locked())
print(lock.locked())
print(lock.acquire(blocking=False), lock.locked())
lock.release()
l2 = _thread.allocate_lock()
l2.acquire()
flag = []
def releaser():
    time.sleep(0.005)
    flag.append("released")
    l2.release()
_thread.start_new_thread(releaser, ())
l2.acquire()
print(flag)
l2.release()
print(_thread.LockType is type(lock))
