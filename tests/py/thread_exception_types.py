import _thread, time
results = []
lock = _thread.allocate_lock()
left = [6]
def job(kind):
    try:
        if kind == 0: 1 / 0
        elif kind == 1: [][1]
        elif kind == 2: {}["k"]
        elif kind == 3: int("x")
        elif kind == 4: undefined_name_here
        else: raise ExceptionGroup("g", [ValueError(1)])
    except Exception as e:
        with lock:
            results.append((kind, type(e).__name__, str(e)))
    finally:
        with lock:
            left[0] -= 1
for k in range(6):
    _thread.start_new_thread(job, (k,))
while left[0]:
    time.sleep(0.001)
for r in sorted(results):
    print(r)
