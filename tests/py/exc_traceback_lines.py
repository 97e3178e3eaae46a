def a():
    b()
def b():
    c()
def c():
    raise ValueError("deep")
try:
    a()
except ValueError as e:
    tb = e.__traceback__
    lines = []
    names = []
    while tb is not None:
        lines.append(tb.tb_lineno)
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(lines)
    print(names)
try:
    x = [1, 2]
    x[10]
except IndexError as e:
    print(e.__traceback__.tb_lineno, e.__traceback__.tb_next)
def reraiser():
    try:
        c()
    except ValueError:
        raise
try:
    reraiser()
except ValueError as e:
    tb = e.__traceback__
    n = []
    while tb:
        n.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(n)
e = ValueError()
print(e.__traceback__)
