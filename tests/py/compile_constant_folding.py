# Constant folding (as CPython's AST optimizer): folded values, identities, the
# size limits that keep big results for run time, errors left for run time.
print("ab" + "c", 1 << 20, -5, 2 ** 10, (1, 2) + (3,), "a" * 3, -0.0, 0.0, 1 + 2j, not 1, ~5, +3)
print(2 ** 200 == 2 ** 200, 1 << 200, "x" * 5000 == "x" * 5000, (1,) * 300 == (1,) * 300)
print("%s" % "a", b"%d" % 5, 7 % 3)
try:
    print(1 / 0)
except ZeroDivisionError as e:
    print("zde", e)
try:
    print("abc"[5])
except IndexError as e:
    print("ie", e)
print("abc"[1], (1, 2, 3)[-1], ((1, 2), 3), 3 in [1, 2, 3], 4 not in {1, 2})
for x in [1, 2, 3]: print(x, end=" ")
print([y for y in {5}])
def f(): return -1, -0.0, 0.0
print(f(), f.__code__.co_consts)
match -1:
    case -1: print("m-1")
match {1: 2}:
    case {1: a}: print("ma", a)
x = 5
print(x - -1, -x, 2 ** -1, 10 // 0 if False else 1)
def g(): return (1, 2) + (3,), "ab" * 2, 2 ** 129, 1 << 129, (0,) * 300
c = g.__code__.co_consts
print(sorted(repr(k) for k in c if k is not None))
print(g()[0] is g()[0], g()[1] is g()[1])
print((-1).__class__, (-1).bit_length(), -2 ** 2, (-2) ** 2)
