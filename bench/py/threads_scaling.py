"""A fixed CPU-bound job (integer arithmetic and small dicts) split evenly over N
threads started with _thread. Arg: N threads (default 1), optional total work."""
import _thread
import sys
import time


def work(lo, hi):
    acc = 0
    d = {}
    for i in range(lo, hi):
        x = (i * 2654435761) & 0xFFFFFFFF
        acc = (acc + (x % 9973) * (i & 7)) % 1000000007
        d[i & 255] = x
    return acc if len(d) <= 256 else -1


def main(nthreads, total):
    results = [None] * nthreads
    lock = _thread.allocate_lock()
    left = [nthreads]
    chunk = total // nthreads

    def run(k):
        r = work(k * chunk, (k + 1) * chunk if k < nthreads - 1 else total)
        with lock:
            results[k] = r
            left[0] -= 1

    for k in range(nthreads):
        _thread.start_new_thread(run, (k,))
    while True:
        with lock:
            if left[0] == 0:
                break
        time.sleep(0.001)
    return results


nthreads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
total = int(sys.argv[2]) if len(sys.argv) > 2 else 6000000
res = main(nthreads, total)
# Chunk sums add up to the same total whatever the split.
print("checksum", sum(res) % 1000000007)
