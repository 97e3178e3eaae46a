def f():
    x = 0
    def g():
        nonlocal x
        x += 10
        def h():
            nonlocal x
            x *= 2
        h()
        return x
    r = g()
    return r, x
print(f())

def acc():
    total = []
    items = 0
    def add(v):
        nonlocal items
        total.append(v)
        items += 1
        return sum(total), items
    return add
a = acc()
a(1); a(2)
print(a(3))

def shadow():
    x = "outer"
    def inner():
        x = "inner"
        return x
    inner()
    return x
print(shadow())

def swap():
    a, b = 1, 2
    def do():
        nonlocal a, b
        a, b = b, a
    do()
    return a, b
print(swap())

def deletes():
    v = 5
    def d():
        nonlocal v
        del v
    d()
    try:
        return v
    except NameError as e:
        return str(e)
print(deletes())
