"""The same work as containers_bench.c, in python3.11 (best of 3)."""
import random
import time


def best(fn, reps=3):
    t = 1e9
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        t = min(t, time.perf_counter() - t0)
    return t


random.seed(1)
N = 1000000
base = [random.randrange(1000000000) for _ in range(N)]
state = {}


def sort_random():
    state['l'] = l = base[:]
    l.sort()


print('sort_int_random_1M %.6f' % best(sort_random))
print('sort_int_sorted_1M %.6f' % best(lambda: state['l'].sort()))
strs = ['k%d' % random.randrange(100000000) for _ in range(200000)]
print('sort_str_200k %.6f' % best(lambda: strs[:].sort()))
a = set(base[:200000])
b = set(base[100000:300000])
print('set_build_200k %.6f' % best(lambda: set(base[:200000])))
print('set_union_200k %.6f' % best(lambda: a | b))
print('set_intersection_200k %.6f' % best(lambda: a & b))
print('set_difference_200k %.6f' % best(lambda: a - b))


def contains():
    for x in base:
        x in a


print('set_contains_1M %.6f' % best(contains))
