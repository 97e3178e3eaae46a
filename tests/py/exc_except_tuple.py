def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return "lookup " + type(e).__name__
    except (ValueError, TypeError):
        return "value/type"
    except ArithmeticError as e:
        return "arith " + type(e).__name__
    except Exception:
        return "other"
for exc in [KeyError, IndexError(1), ValueError, TypeError("t"), ZeroDivisionError, OverflowError, RuntimeError]:
    print(classify(exc))
errs = (OSError, EOFError)
try:
    raise EOFError
except errs:
    print("dynamic tuple ok")
try:
    try:
        raise ValueError
    except 5:
        pass
except TypeError as e:
    print(e)
try:
    raise 5
except TypeError as e:
    print(e)
try:
    raise int
except TypeError as e:
    print(e)
