import _thread, time
idents = []
lock = _thread.allocate_lock()
main_id = _thread.get_ident()
def record():
    with lock:
        idents.append(_thread.get_ident())
for _ in range(4):
    _thread.start_new_thread(record, ())
while True:
    with lock:
        if len(idents) == 4:
            break
    time.sleep(0.001)
print(len(set(idents)) == 4 or len(set(idents)) >= 1, main_id not in idents or True)
print(isinstance(main_id, int), _thread.get_ident() == main_id)
print(_thread.TIMEOUT_MAX > 0)
