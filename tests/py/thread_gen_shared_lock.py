import _thread, time
lock = _thread.allocate_lock()
def numbers():
    i = 0
    while True:
        yield i
        i += 1
shared_gen = numbers()
taken = []
left = [4]
def taker():
    mine = []
    for _ in range(250):
        with lock:
            mine.append(next(shared_gen))
    with lock:
        taken.extend(mine)
        left[0] -= 1
for _ in range(4):
    _thread.start_new_thread(taker, ())
while left[0]:
    time.sleep(0.001)
print(len(taken), len(set(taken)), sorted(taken) == list(range(1000)))
