"""Vectors for the math, time and itertools modules, computed by python3.11.

Each line: FLAGS \t MODULE \t FUNC \t ARG... \t => \t EXPECTED
  FLAGS: '-' plain, 'L' list(result), '~' floats compared within a few ulps,
         'R' repr of the callable's result object (e.g. count(5))
  ARG:   a pylit literal expression, or NAME=literal for a keyword argument
  EXPECTED: repr(result), or !ExcType: message
"""
import itertools
import math
import os
import random
import sys
import time

os.environ["TZ"] = "UTC"
time.tzset()
out = open(sys.argv[1], "w")
rng = random.Random(1234)


def run(flags, mod, func, args, kwargs=None, argtexts=None):
    kwargs = kwargs or {}
    f = getattr(sys.modules[mod], func)
    try:
        r = f(*args, **kwargs)
        if flags == "L":
            r = list(r)
        elif flags == "T":
            r = [list(t) for t in r]
        elif flags == "G":
            r = [(k, list(g)) for k, g in r]
        exp = repr(r)
    except Exception as e:
        exp = "!%s: %s" % (type(e).__name__, e)
    texts = argtexts if argtexts is not None else [lit(a) for a in args]
    texts += ["%s=%s" % (k, lit(v)) for k, v in kwargs.items()]
    line = "\t".join([flags, mod, func] + texts + ["=>", exp])
    assert "\n" not in line
    out.write(line + "\n")


def lit(v):
    if isinstance(v, float):
        if math.isnan(v):
            return "float('nan')"
        if math.isinf(v):
            return "float('inf')" if v > 0 else "float('-inf')"
        return repr(v)
    if isinstance(v, (list, tuple)):
        inner = ", ".join(lit(x) for x in v)
        if isinstance(v, tuple):
            return "(" + inner + ("," if len(v) == 1 else "") + ")"
        return "[" + inner + "]"
    if callable(v) and hasattr(v, "__name__"):
        return v.__name__
    return repr(v)


inf, nan = float("inf"), float("nan")
specials = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 2.0, -2.0, 3, -3, 0, 1, True, 1e-300, -1e-300, 5e-324, 1e300,
            -1e300, 1.7976931348623157e308, inf, -inf, nan, 10**20, -10**20, 10**400, -10**400, 0.1, 1e-5, 700.0,
            710.0, -745.5, 100.0, 1e16, 2.5, -2.5, 0.9999999999999999, 1.0000000000000002, "a", None, 1 + 2j]
randoms = [rng.uniform(-10, 10) for _ in range(40)] + [rng.uniform(-1, 1) for _ in range(20)] + \
          [10 ** rng.uniform(-300, 300) for _ in range(20)] + [rng.randint(-10**6, 10**6) for _ in range(10)]
inputs = specials + randoms

approx = set()  # gamma/lgamma use python3.11's own Lanczos algorithm; erf/erfc are libm's: all exact
one_arg = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cbrt", "ceil", "cos", "cosh", "degrees", "erf", "erfc",
           "exp", "exp2", "expm1", "fabs", "floor", "frexp", "gamma", "isfinite", "isinf", "isnan", "lgamma", "log",
           "log10", "log1p", "log2", "modf", "radians", "sin", "sinh", "sqrt", "tan", "tanh", "trunc", "ulp"]
for fn in one_arg:
    for x in inputs:
        run("~" if fn in approx else "-", "math", fn, [x])

pairs = [(a, b) for a in specials[:26] for b in specials[:26]]
pairs += [(rng.uniform(-100, 100), rng.uniform(-100, 100)) for _ in range(60)]
pairs += [(a, "x") for a in (1.0, 2)] + [(None, 1.0)]
for fn in ["atan2", "copysign", "fmod", "remainder", "pow", "nextafter", "hypot", "log"]:
    for a, b in pairs:
        run("-", "math", fn, [a, b])
for a, b in pairs[:200]:
    run("-", "math", "ldexp", [a, b if isinstance(b, int) else 3])
for a in [1.0, 0.0, 1e-300, 1e300, inf, nan, -5.5]:
    for e in [0, 1, -1, 1000, -1000, 2000, -2000, 10**30, -10**30, 2.0, True]:
        run("-", "math", "ldexp", [a, e])

# variadic and special signatures
for n in range(0, 6):
    for _ in range(15):
        vals = [rng.choice([rng.uniform(-1e3, 1e3), rng.randint(-100, 100), 0.0, 1e-310, 1e308]) for _ in range(n)]
        run("-", "math", "hypot", vals)
        run("-", "math", "dist", [tuple(vals), tuple(rng.uniform(-1e3, 1e3) for _ in range(n))])
run("-", "math", "hypot", [inf, nan])
run("-", "math", "hypot", [nan, 1.0])
run("-", "math", "dist", [[1, 2], [3]])
run("-", "math", "dist", [(1, 2), [3, 5]])
run("-", "math", "dist", [1, 2])
for _ in range(150):
    n = rng.randint(0, 30)
    vals = [rng.choice([rng.uniform(-1, 1) * 10 ** rng.randint(-20, 20), rng.randint(-10**6, 10**6), 0.1, 1e100,
                        -1e100, 1e-100]) for _ in range(n)]
    run("-", "math", "fsum", [vals])
for vals in ([1e308, 1e308], [inf, -inf], [inf, inf], [nan, 1.0], [1e308, 1e308, -1e308], [inf, 1e308, 1e308],
             ["a"], [0.1] * 10, [1, 1e100, 1, -1e100] * 1000, [2.0 ** 53, 1.0, 2.0 ** -53]):
    run("-", "math", "fsum", [vals])

for n in list(range(0, 40)) + [100, 171, 500, -1, 2.0, "x", 10**20]:
    run("-", "math", "factorial", [n])
for n in list(range(0, 50)) + [rng.randint(0, 10**40) for _ in range(60)] + [10**100, 2**200 - 1, 2**200, -1, 1.0]:
    run("-", "math", "isqrt", [n])
for _ in range(120):
    n = rng.choice([rng.randint(-3, 30), rng.randint(0, 10**25)])
    k = rng.choice([rng.randint(-2, 32), rng.randint(0, 40)])
    run("-", "math", "comb", [n, k])
    run("-", "math", "perm", [n, k])
run("-", "math", "perm", [5])
run("-", "math", "perm", [5, None])
run("-", "math", "comb", [1.0, 2])
run("-", "math", "comb", [10**20, 10**19])
run("-", "math", "perm", [10**20, 10**19])
for n in range(0, 5):
    for _ in range(10):
        vals = [rng.choice([rng.randint(-1000, 1000), rng.randint(-10**30, 10**30), 0]) for _ in range(n)]
        run("-", "math", "gcd", vals)
        run("-", "math", "lcm", vals)
run("-", "math", "gcd", [1.0])
run("-", "math", "lcm", [2, "a"])
for vals, kw in [([1, 2, 3], {}), ([], {}), ([1.5, 2], {}), ([2, 3], {"start": 10}), ([[1], 2], {}),
                 ([2] * 100, {}), ([10**20, 10**20], {}), (["a", 3], {})]:
    run("-", "math", "prod", [vals], kw)
for a, b, kw in [(1.0, 1.0 + 1e-10, {}), (1.0, 1.1, {}), (1.0, 1.1, {"rel_tol": 0.2}), (0.0, 1e-10, {"abs_tol": 1e-9}),
                 (inf, inf, {}), (inf, -inf, {}), (nan, nan, {}), (1.0, 2.0, {"rel_tol": -1}), (1, 1, {})]:
    run("-", "math", "isclose", [a, b], kw)

# lgamma near its zeros (exact now, like every gamma/lgamma case)
for x in [-2.4570247382208006, -2.7476826467274127, -3.1435808883499798, 1.0000001, 2.0000001, 0.9999999]:
    run("-", "math", "lgamma", [x])
    run("-", "math", "gamma", [x])
# ---- time (TZ=UTC) ----
for t in [0, 1, -1, 86400 * 400, 1e9, 1.9, -1.5, 2**31, 10**10, 1e20, nan, "x", 2**63, 951782400]:
    run("-", "time", "gmtime", [t])
    run("-", "time", "localtime", [t])
    run("-", "time", "ctime", [t])
tuples = [(2000, 1, 1, 0, 0, 0, 0, 1, 0), (1999, 12, 31, 23, 59, 59, 4, 365, 0), (2000, 13, 3, 4, 5, 6, 7, 8, 9),
          (2000, 1, 1, 25, 0, 0, 0, 1, 0), (2000, 0, 0, 0, 0, 0, 0, 0, 0), (2000, 1, 1, 0, 60, 0, 0, 1, 0),
          (2000, 1, 1, 0, 0, 62, 0, 1, 0), (2000, 1, 1, 0, 0, 0, -1, 1, 0), (2000, 1, 1, 0, 0, 0, 0, 367, 0),
          (2000, 1, 32, 0, 0, 0, 0, 1, 0), (1, 2), (2000, 1, 1, 0, 0, 0, 0, 1, "x")]
for tp in tuples:
    run("-", "time", "asctime", [tp])
    run("-", "time", "mktime", [tp])
    for fmt in ["%Y-%m-%d %H:%M:%S", "%a %A %b %B %j %U %w %y %%", "", "%c", "%Z"]:
        run("-", "time", "strftime", [fmt, tp])
for secs in [0, 86400 * 400, 1234567890]:
    g = time.gmtime(secs)
    for fmt in ["%Y-%m-%d %H:%M:%S %Z", "%c|%x|%X", "%p %I", "%G-W%V-%u"]:
        run("-", "time", "strftime", [fmt, g], argtexts=[lit(fmt), "time_gmtime(%d)" % secs])
    run("-", "time", "asctime", [g], argtexts=["time_gmtime(%d)" % secs])
run("-", "time", "strftime", [1])
run("-", "time", "sleep", [-1])
run("-", "time", "sleep", ["a"])
run("-", "time", "sleep", [0])
run("-", "time", "sleep", [0.001])
run("-", "time", "struct_time", [(1, 2, 3)])
run("-", "time", "struct_time", [(1, 2, 3, 4, 5, 6, 7, 8, 9)])
run("-", "time", "struct_time", [(1, 2, 3, 4, 5, 6, 7, 8, 9, "x", 5, 6)])

# ---- itertools ----
def itv(func, args, kw=None, flags="L"):
    run(flags, "itertools", func, args, kw)

itv("count", [], flags="R")
for a in [[5], [5, 2], [1.5], [5, 1.0], ["a"], [1, "a"], [2**70], [1, 0], [2**62, 2**62], [-3, -1]]:
    itv("count", a, flags="R")
itv("count", [], {"step": 2}, flags="R")
for a in [["a"], ["a", 3], ["a", -3], [None, 0], [1, 2.0], [1, "x"]]:
    itv("repeat", a, flags="R")
    itv("repeat", a if len(a) > 1 else a + [4])
itv("repeat", [])
itv("repeat", ["a"], {"times": 2})
for it in [[], [1, 2, 3], "abc", (1.5, 2, 3j), [[1], [2]], [2, "a"]]:
    itv("accumulate", [it])
    itv("accumulate", [it], {"initial": 100})
    itv("pairwise", [it])
    itv("chain", [it, it])
    itv("zip_longest", [it, "xy"])
    itv("zip_longest", [it, [1, 2, 3, 4]], {"fillvalue": 0})
    for r in range(0, 4):
        itv("permutations", [it, r])
        itv("combinations", [it, r])
        itv("combinations_with_replacement", [it, r])
        itv("product", [it], {"repeat": r})
    itv("permutations", [it])
    itv("product", [it, "ab"])
for it in [1, None]:
    for fn in ["accumulate", "pairwise", "chain", "zip_longest", "cycle", "permutations", "product", "groupby"]:
        itv(fn, [it])
itv("chain", [])
itv("product", [])
itv("zip_longest", [])
itv("product", ["ab"], {"repeat": -1})
itv("permutations", ["abc", -1])
itv("combinations", ["a"])
itv("combinations", ["abc", -1])
itv("combinations", ["abc", 1.0])
for data, sel in [("abcdef", [1, 0, 1, 0, 1, 1]), ("abc", [0]), ([], [1]), ("abc", [1, 1, 1, 1])]:
    itv("compress", [data, sel])
itv("compress", [], {"data": "abc", "selectors": [1, 0, 1]})
for args in [("abcdefg", 3), ("abcdefg", 2, None), ("abcdefg", 2, 5), ("abcdefg", 0, None, 2), ("abcdefg", 1, 6, 3),
             ("abc", -1), ("abc", "a"), ("abc", 1, 2, 0), ("abc",), ("abc", None), ("abcdef", 5, 3), ("abc", 2**70),
             ("abc", 1, 2**70, 2**70)]:
    itv("islice", list(args))
for s in ["", "aabbbc", "aaaa", "abab", [1, 1, 2, 2, 1]]:
    run("G", "itertools", "groupby", [s])
    run("G", "itertools", "groupby", [s], {"key": bool})
for fn in ["dropwhile", "takewhile", "filterfalse"]:
    for it in [[], [0, 1, 2, 0], [1, 2, 0, 3], [3, 3]]:
        itv(fn, [bool, it])
    itv(fn, [None, [0, 1, 0]])
    itv(fn, [bool])
itv("starmap", [pow, [(2, 3), (3, 2), [10, 2]]])
itv("starmap", [pow, [1]])
itv("starmap", [pow])
for n in [-1, 0, 1, 3]:
    run("T", "itertools", "tee", [[1, 2], n], argtexts=["[1, 2]", str(n)])
    run("T", "itertools", "tee", [iter(range(200)), n], argtexts=["range(200)", str(n)])
out.close()
