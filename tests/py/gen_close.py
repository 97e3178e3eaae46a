def g():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("got GeneratorExit")
        raise
    finally:
        print("cleanup")
it = g()
next(it)
it.close()
print("closed")
it.close()
try:
    next(it)
except StopIteration:
    print("exhausted after close")
def bad():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"
b = bad(); next(b)
try:
    b.close()
except RuntimeError as e:
    print(e)
def ret_on_close():
    try:
        yield 1
    except GeneratorExit:
        return "ignored"
r = ret_on_close(); next(r); print(r.close())
u = g()
u.close()
print("unstarted close ok")
print(u.gi_frame, u.gi_running)
