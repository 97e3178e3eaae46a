import _thread, time
n = [0]
lock = _thread.allocate_lock()
def tiny(i):
    with lock:
        n[0] += i
for i in range(100):
    _thread.start_new_thread(tiny, (i,))
while True:
    with lock:
        if n[0] == sum(range(100)):
            break
    time.sleep(0.001)
print(n[0])
