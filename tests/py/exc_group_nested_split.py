eg = ExceptionGroup("top", [
    ValueError("v1"),
    ExceptionGroup("mid", [TypeError("t1"), ValueError("v2"), ExceptionGroup("low", [KeyError("k")])]),
    OSError("o"),
])
def show(g, indent=0):
    if g is None:
        print(" " * indent + "None")
        return
    print(" " * indent + f"{type(g).__name__}({g.message!r})")
    for e in g.exceptions:
        if isinstance(e, BaseExceptionGroup):
            show(e, indent + 2)
        else:
            print(" " * (indent + 2) + repr(e))
m, r = eg.split((ValueError, KeyError))
show(m); show(r)
show(eg.subgroup(lambda e: isinstance(e, LookupError)))
print(eg.subgroup(lambda e: True) is eg)
