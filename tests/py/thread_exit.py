import _thread, time
log = []
lock = _thread.allocate_lock()
def quitter(tid):
    with lock:
        log.append(("start", tid))
    if tid == 1:
        _thread.exit()
    if tid == 2:
        raise SystemExit
    with lock:
        log.append(("end", tid))
for t in range(4):
    _thread.start_new_thread(quitter, (t,))
deadline = 0
while True:
    with lock:
        if len(log) == 6:
            break
    time.sleep(0.001)
time.sleep(0.01)
print(sorted(log))
