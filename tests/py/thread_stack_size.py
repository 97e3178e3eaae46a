import _thread, time
print(_thread.stack_size())
done = []
def f():
    done.append(sum(range(100)))
_thread.start_new_thread(f, ())
while not done:
    time.sleep(0.001)
print(done)
print(_thread.get_native_id() > 0, isinstance(_thread.get_native_id(), int))
print(type(_thread.error).__name__, _thread.error is RuntimeError)
