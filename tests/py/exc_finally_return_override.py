def f():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"
print(f())
def g():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            if i < 2:
                continue
            return "returned at " + str(i)
print(g())
def h():
    try:
        return "try"
    finally:
        print("cleanup without return")
print(h())
def k():
    try:
        try:
            raise TypeError
        finally:
            return "inner finally"
    except TypeError:
        return "never"
print(k())
