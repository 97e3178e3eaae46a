try:
    raise ValueError("x")
except ValueError as e:
    saved = e
try:
    e
except NameError as ne:
    print("e deleted:", ne)
print(saved)
e = "before"
try:
    1 / 0
except ZeroDivisionError as e:
    pass
print("e" in dir())
def f():
    x = 1
    try:
        raise KeyError
    except KeyError as x:
        pass
    return "x" in locals()
print(f())
