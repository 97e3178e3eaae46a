def f():
    a = 1
    b = "two"
    return sorted(locals().items())
print(f())
g = globals()
print(g["__name__"], "f" in g)
g["dynamic"] = 123
print(dynamic)
ns = {"__builtins__": {"len": len}}
print(eval("len('abcd')", ns))
try:
    eval("print('x')", {"__builtins__": {}})
except NameError as e:
    print(e)
code = "result = sum(range(n))"
scope = {"n": 10}
exec(code, scope)
print(scope["result"], sorted(k for k in scope if k != "__builtins__"))
class C:
    exec("x = 5")
print(getattr(C, "x", "no x"))
def g2():
    exec("zz = 3")
    return locals().get("zz")
print(g2())
print(type(eval("globals()")).__name__)
