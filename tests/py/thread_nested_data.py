import _thread, time
tree = {}
lock = _thread.allocate_lock()
left = [4]
def build(tid):
    sub = {}
    for i in range(200):
        sub.setdefault(i % 10, []).append((tid, i))
    with lock:
        tree[tid] = sub
        left[0] -= 1
for t in range(4):
    _thread.start_new_thread(build, (t,))
while True:
    with lock:
        if left[0] == 0:
            break
    time.sleep(0.001)
print(sorted(tree), [len(tree[t]) for t in sorted(tree)], sum(len(v) for t in tree.values() for v in t.values()))
print(tree[2][3][:3])
