import _thread, time
out = {}
lock = _thread.allocate_lock()
def build(tid):
    parts = []
    for i in range(500):
        parts.append(f"{tid}:{i:04d}")
    s = ",".join(parts)
    words = s.split(",")
    up = s.upper().replace(":", "-")
    with lock:
        out[tid] = (len(s), len(words), up[:12], hash(s) == hash("".join(s)))
for t in range(4):
    _thread.start_new_thread(build, (t,))
while True:
    with lock:
        if len(out) == 4:
            break
    time.sleep(0.001)
for k in sorted(out):
    print(k, out[k])
