import _thread, time
shared = []
finished = [0]
flock = _thread.allocate_lock()
def appender(tid, n):
    for i in range(n):
        shared.append((tid, i))
    with flock:
        finished[0] += 1
for t in range(6):
    _thread.start_new_thread(appender, (t, 1500))
while finished[0] < 6:
    time.sleep(0.001)
print(len(shared))
per = {}
for tid, i in shared:
    per.setdefault(tid, []).append(i)
print(sorted((k, len(v)) for k, v in per.items()))
print(all(v == list(range(1500)) for v in per.values()))
