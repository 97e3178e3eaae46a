import _thread, time
data = [(i * 7919 + 13) % 10007 for i in range(8000)]
chunks = [data[i::4] for i in range(4)]
sorted_chunks = [None] * 4
left = [4]
lock = _thread.allocate_lock()
def sorter(i):
    sorted_chunks[i] = sorted(chunks[i])
    with lock:
        left[0] -= 1
for i in range(4):
    _thread.start_new_thread(sorter, (i,))
while left[0]:
    time.sleep(0.001)
merged = []
idx = [0] * 4
while True:
    best = None
    for i in range(4):
        if idx[i] < len(sorted_chunks[i]):
            v = sorted_chunks[i][idx[i]]
            if best is None or v < sorted_chunks[best][idx[best]]:
                best = i
    if best is None:
        break
    merged.append(sorted_chunks[best][idx[best]])
    idx[best] += 1
print(merged == sorted(data), merged[:5], merged[-3:], len(merged))
