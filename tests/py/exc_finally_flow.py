def f():
    try:
        return "try"
    finally:
        print("f finally")
print(f())
def g():
    for i in range(5):
        try:
            return i
        finally:
            if i < 1:
                continue
print(g())
def h():
    while True:
        try:
            raise ValueError
        finally:
            break
    return "swallowed"
print(h())
def k():
    x = []
    try:
        x.append(1)
        return x
    finally:
        x.append(2)
print(k())
def nested():
    try:
        try:
            return "inner"
        finally:
            print("first")
    finally:
        print("second")
print(nested())
def exc_in_finally():
    try:
        try:
            1 / 0
        finally:
            {}["missing"]
    except KeyError as e:
        return type(e.__context__).__name__
print(exc_in_finally())
