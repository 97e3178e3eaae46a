def g():
    yield 1
    raise ValueError("from generator")
it = g()
print(next(it))
try:
    next(it)
except ValueError as e:
    print("caught", e)
try:
    next(it)
except StopIteration:
    print("generator finished after exception")
def h():
    try:
        yield 1
    except ValueError:
        raise TypeError("converted")
x = h(); next(x)
try:
    x.throw(ValueError)
except TypeError as e:
    print(e, type(e.__context__).__name__)
def catches_inside():
    for i in range(3):
        try:
            yield 10 // (1 - i)
        except ZeroDivisionError:
            yield "div0"
print(list(catches_inside()))
