import sys
if sys.version_info >= (3, 11):
    def which():
        return "new"
else:
    def which():
        return "old"
print(which())
try:
    from math import isqrt
except ImportError:
    isqrt = None
print(isqrt is not None)
def factory(flag):
    if flag:
        class R:
            kind = "true"
    else:
        class R:
            kind = "false"
    return R
print(factory(1).kind, factory(0).kind)
for n in range(3):
    def f(n=n):
        return n
print(f())
