import _thread, time
out = []
lock = _thread.allocate_lock()
def f(a, b, *rest, key=None, **kw):
    with lock:
        out.append((a, b, rest, key, sorted(kw.items())))
_thread.start_new_thread(f, (1, 2))
_thread.start_new_thread(f, (3, 4, 5, 6), {"key": "k"})
_thread.start_new_thread(f, ("x", "y"), {"extra": 1, "key": 0})
while True:
    with lock:
        if len(out) == 3:
            break
    time.sleep(0.001)
for o in sorted(out, key=repr):
    print(o)
try:
    _thread.start_new_thread(f, [1, 2])
except TypeError as e:
    print(e)
try:
    _thread.start_new_thread(5, ())
except TypeError as e:
    print(e)
try:
    _thread.start_new_thread(f, (1, 2), [])
except TypeError as e:
    print(e)
