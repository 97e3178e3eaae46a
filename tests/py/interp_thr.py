import _thread, time
out = {}
lock = _thread.allocate_lock()
done = [0]
def work(k):
    s = 0
    for i in range(20000):
        s += i % 7
    def gen():
        for i in range(100): yield i
    out[k] = s + sum(gen())
    with lock: done[0] += 1
for k in range(4): _thread.start_new_thread(work, (k,))
while done[0] < 4: time.sleep(0.01)
print(sorted(out.items()))
