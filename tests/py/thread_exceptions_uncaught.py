import _thread, time, sys
marker = []
def bad():
    marker.append("started")
    raise ValueError("uncaught in thread")
_thread.start_new_thread(bad, ())
while len(marker) < 1:
    time.sleep(0.001)
time.sleep(0.05)
print(marker[0])
print("main continues")
