import sys
def inner(v):
    local_var = v * 2
    raise KeyError(local_var)
def outer():
    inner(21)
try:
    outer()
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v)
    while tb.tb_next:
        tb = tb.tb_next
    fr = tb.tb_frame
    print(fr.f_code.co_name, fr.f_locals["local_var"], fr.f_lineno, tb.tb_lineno)
    print(fr.f_back.f_code.co_name)
    print(fr.f_code.co_filename.endswith("exc_traceback_frames.py"))
print(sys.exc_info())
def with_tb():
    try:
        raise ValueError("a")
    except ValueError as e:
        return e.with_traceback(None)
r = with_tb()
print(r.__traceback__ is None)
