def show(e):
    print(type(e).__name__, e,
          "cause:", repr(e.__cause__),
          "context:", repr(e.__context__),
          "suppress:", e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("while handling")
except ValueError as e:
    show(e)
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError("explicit") from z
except ValueError as e:
    show(e)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("no context") from None
except ValueError as e:
    show(e)
try:
    raise KeyError("k") from TypeError("t")
except KeyError as e:
    show(e)
e = RuntimeError("manual")
e.__cause__ = IndexError("i")
print(e.__suppress_context__)
try:
    raise ValueError from 5
except TypeError as err:
    print(err)
try:
    raise ValueError("x") from KeyError
except ValueError as v:
    print(type(v.__cause__).__name__)
def deep():
    try:
        raise A
    except NameError as n:
        try:
            raise B
        except NameError as m:
            return m
r = deep()
print(r, "<-", r.__context__)
