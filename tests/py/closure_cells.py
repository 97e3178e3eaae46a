def make():
    fs = {}
    for name in ("a", "b", "c"):
        def f(n=name):
            return n * 2
        fs[name] = f
    return fs
print({k: v() for k, v in make().items()})

def cell_shared():
    x = 1
    def get():
        return x
    def set_(v):
        nonlocal x
        x = v
    return get, set_
g, s = cell_shared()
print(g()); s(42); print(g())
print(g.__closure__[0] is s.__closure__[0])

def empty_cell():
    def f():
        return y
    try:
        f()
    except NameError as e:
        print(type(e).__name__, e)
    y = 3
    print(f())
empty_cell()

def arg_cell(a):
    def f():
        return a
    a = a + 1
    return f()
print(arg_cell(1))
