try:
    try:
        raise ValueError("a")
    finally:
        raise TypeError("b")
except TypeError as e:
    print(e, repr(e.__context__))
try:
    try:
        raise ValueError("a")
    except ValueError:
        try:
            raise KeyError("b")
        except KeyError:
            raise IndexError("c")
except IndexError as e:
    print(repr(e), repr(e.__context__), repr(e.__context__.__context__))
def gen_ctx():
    try:
        raise OSError("outer")
    except OSError:
        return [repr(x) for x in [ValueError("fresh").__context__]]
print(gen_ctx())
err = ValueError("reuse")
try:
    try:
        raise KeyError("k")
    except KeyError:
        raise err
except ValueError as e:
    print(repr(e.__context__))
try:
    try:
        raise err
    except ValueError:
        raise err
except ValueError as e:
    print(e.__context__ is None or e.__context__ is not e)
