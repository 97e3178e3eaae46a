import _thread, time
made = []
lock = _thread.allocate_lock()
def make_classes(tid):
    local = []
    for i in range(50):
        Base = type(f"Base{tid}_{i}", (), {"v": i})
        class Derived(Base):
            def get(self):
                return self.v * 2 + tid
        local.append(Derived().get())
    with lock:
        made.append((tid, sum(local)))
for t in range(4):
    _thread.start_new_thread(make_classes, (t,))
while len(made) < 4:
    time.sleep(0.001)
print(sorted(made))
