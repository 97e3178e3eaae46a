import time
prev = time.monotonic()
ok = True
for _ in range(1000):
    now = time.monotonic()
    if now < prev:
        ok = False
    prev = now
print(ok)
start = time.perf_counter()
while time.perf_counter() - start < 0.002:
    pass
print(time.perf_counter() - start >= 0.002)
t = time.time()
print(abs(time.time() - t) < 5)
for _ in range(3):
    time.sleep(0)
print("slept")
print(isinstance(time.monotonic(), float), isinstance(time.time_ns(), int))
