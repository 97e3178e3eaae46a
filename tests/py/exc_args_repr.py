errs = [Exception(), Exception("one"), Exception("a", 2), ValueError(""), KeyError("k"), KeyError(1, 2),
        IndexError(5), OSError(), OSError("msg"), StopIteration(), ZeroDivisionError("division by zero"),
        AttributeError("x"), RuntimeError(None), UnicodeError("u"), SystemExit(2), KeyboardInterrupt()]
for e in errs:
    print(type(e).__name__, repr(e), "|", str(e), "|", e.args)
