def apply(f, *args, **kw):
    return f(*args, **kw)
print(apply(max, 3, 9, 2), apply(sorted, [3, 1], reverse=True), apply(str.join, "-", "abc"))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print([ops[o](6, 3) for o in "+-*"])
def compose(*fs):
    def c(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return c
print(compose(str, abs, lambda v: v - 10)(3))
funcs = [len, str.upper, sorted]
print([f("cab") for f in funcs])
print(list(map(lambda f: f.__name__, funcs)))
def curry(f, n):
    def c(*a):
        if len(a) >= n:
            return f(*a)
        return lambda *b: c(*a, *b)
    return c
add3 = curry(lambda a, b, c: a + b + c, 3)
print(add3(1)(2)(3), add3(1, 2)(3), add3(1)(2, 3))
