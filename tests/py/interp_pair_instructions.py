# Pair instructions (LOAD_FAST__LOAD_FAST and friends): an unbound second local
# is reported at its own line, inside the right handler; pairs across statements.
def f(flag):
    a = 1
    if flag:
        b = 2
    return a + b
def g(flag):
    if flag: x = 1
    y = 5
    try:
        return (y,
                x)
    except UnboundLocalError as e:
        print("caught", e, e.__traceback__.tb_lineno)
for fn in (f, g):
    try:
        print(fn(False))
    except UnboundLocalError as e:
        print(type(e).__name__, e, e.__traceback__.tb_next.tb_lineno)
def h():
    a, b = 3, 4
    c = a; d = b
    return a, b, c, d, 5, a
print(h())
