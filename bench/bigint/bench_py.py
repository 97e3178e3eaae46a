"""The operations of bigint_bench.c on python3.11: prints "op digits seconds"."""
import random
import sys
import time

sys.set_int_max_str_digits(0)
min_time = float(sys.argv[1]) if len(sys.argv) > 1 else 0.3


def timeit(label, dec, f):
    reps, t0 = 0, time.perf_counter()
    while True:
        f()
        reps += 1
        t = time.perf_counter() - t0
        if t >= min_time:
            break
    print(label, dec, "%.9f" % (t / reps), flush=True)


rng = random.Random(1)
for dec in (1000, 10000, 100000):
    bits = int(dec * 3.3219280948873622)
    a = rng.getrandbits(bits) | 1 << (bits - 1)
    b = rng.getrandbits(bits) | 1 << (bits - 1)
    timeit("mul", dec, lambda: a * b)
    p = a * b
    timeit("divmod", dec, lambda: divmod(p, b))
    timeit("str", dec, lambda: str(a))
    s = str(a)
    timeit("int", dec, lambda: int(s))
