def f():
    a = 1
    del a
    a = 2
    return a
print(f())
def g():
    b = [1]
    def inner():
        return b
    b = [2]
    return inner()
print(g())
x = 1
def h():
    global x
    del x
h()
print("x" in globals())
x = "back"
print(x)
def k():
    try:
        del undefined_local
    except NameError as e:
        return str(e)
print(k())
