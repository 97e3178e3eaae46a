def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        yield "caught " + str(e)
        yield "after"
    finally:
        print("g finally")
it = g()
print(next(it))
print(it.throw(ValueError("boom")))
print(next(it))
try:
    next(it)
except StopIteration:
    print("stopped")
it2 = g()
next(it2)
try:
    it2.throw(KeyError("k"))
except KeyError as e:
    print("propagated", e)
it3 = g()
try:
    it3.throw(TypeError("before start"))
except TypeError as e:
    print("unstarted", e)
def h():
    while True:
        try:
            yield
        except Exception as e:
            print("h got", type(e).__name__)
x = h(); next(x)
x.throw(IndexError); x.throw(ValueError("v"))
x.throw(ValueError)
def tb_gen():
    yield 1
t = tb_gen(); next(t)
try:
    t.throw(ValueError, ValueError("old-style"), None)
except ValueError as e:
    print(e)
