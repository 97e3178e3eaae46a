def g():
    try:
        yield 1
    finally:
        print("finally of g")
def h():
    try:
        yield from g()
    finally:
        print("finally of h")
x = h()
print(next(x))
x.close()
print("after close")
def gen_with():
    class CM:
        def __enter__(self): print("enter"); return self
        def __exit__(self, *a): print("exit", a[0].__name__ if a[0] else None)
    with CM():
        yield "inside"
y = gen_with()
print(next(y))
y.close()
z = gen_with()
print(next(z))
try:
    z.throw(KeyError("k"))
except KeyError:
    print("KeyError out of gen")
