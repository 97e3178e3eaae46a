def v(x, log):
    log.append(x)
    return x
log = []
r = v(0, log) or v("", log) or v([], log)
print(repr(r), log)
log = []
r = v(1, log) and v("x", log) and v([0], log)
print(repr(r), log)
log = []
r = v(None, log) and v(1, log)
print(repr(r), log)
log = []
r = (v(1, log) or v(2, log)) and v(3, log)
print(r, log)
print(0 or 0.0 or "", [] or {}, 5 and 0 and 7)
x = None
y = x or "fallback"
z = x and x.attr
print(y, z)
