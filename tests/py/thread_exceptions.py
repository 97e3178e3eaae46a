import _thread, time
errors = []
lock = _thread.allocate_lock()
left = [5]
def risky(tid):
    try:
        if tid % 2:
            raise ValueError(f"thread {tid} failed")
        x = [1, 2, 3][tid]
        with lock:
            errors.append(("ok", tid, x))
    except (ValueError, IndexError) as e:
        with lock:
            errors.append((type(e).__name__, tid, str(e)))
    finally:
        with lock:
            left[0] -= 1
for t in range(5):
    _thread.start_new_thread(risky, (t,))
while left[0]:
    time.sleep(0.001)
for e in sorted(errors):
    print(e)
