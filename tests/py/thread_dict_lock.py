import _thread, time
counts = {}
lock = _thread.allocate_lock()
remaining = [4]
words = "alpha beta gamma delta alpha beta alpha".split()
def count_words(tid):
    for rep in range(200):
        for w in words:
            with lock:
                counts[w] = counts.get(w, 0) + 1
    with lock:
        remaining[0] -= 1
for t in range(4):
    _thread.start_new_thread(count_words, (t,))
while True:
    with lock:
        if remaining[0] == 0:
            break
    time.sleep(0.001)
print(sorted(counts.items()))
