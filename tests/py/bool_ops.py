print(True and False, True or False, not True, not 0, not "")
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, "" or "default", None or [] or 0)
print([] and 1, [0] and "yes", 0 or None)
calls = []
def t(v):
    calls.append(v)
    return v
r = t(0) and t(1)
r2 = t(1) or t(2)
r3 = t(0) or t("") or t("x") or t("never")
print(r, r2, r3, calls)
print(True + 1, True == 1, isinstance(True, int))
print(bool(1) is True, (1 == 1) is True, type(1 < 2).__name__)
x = 5
print(0 < x < 10, 0 < x > 3, 1 < x < 3, x == 5 == 5.0, 1 < 2 < 3 < 4 < 0)
def noisy(v):
    calls.append(("n", v))
    return v
calls.clear()
print(noisy(1) < noisy(0) < noisy(5), calls)
print(None is None, None is not None, [] is [], "a" in "abc", 1 not in [2])
print(all(x for x in [1, 1]), any(()), True & False, True | False, True ^ True, ~False)
