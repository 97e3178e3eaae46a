import time
a = time.monotonic()
b = time.monotonic()
print(b >= a)
t0 = time.perf_counter()
time.sleep(0)
time.sleep(0.001)
t1 = time.perf_counter()
print(t1 > t0, (t1 - t0) >= 0.0009)
print(type(time.time()).__name__, time.time() > 1.6e9)
n1 = time.monotonic_ns()
n2 = time.monotonic_ns()
print(type(n1).__name__, n2 >= n1)
print(time.perf_counter_ns() > 0, time.time_ns() > 10 ** 18)
try:
    time.sleep(-1)
except ValueError as e:
    print(e)
try:
    time.sleep("x")
except TypeError as e:
    print(e)
s = time.process_time()
x = sum(range(100000))
print(time.process_time() >= s)
