print(eval("1 + 2 * 3"))
print(eval("x * y", {"x": 3, "y": 4}))
x = 10
print(eval("x + 1"))
print(eval("[i for i in range(3)]"))
ns = {}
exec("a = 5\nb = a * 2\ndef f(n):\n    return n + b\n", ns)
print(ns["a"], ns["b"], ns["f"](1))
g = {"v": 1}
l = {"v": 2}
print(eval("v", g, l))
exec("w = v + 100", g, l)
print(l["w"], "w" in g)
code = compile("q = 7", "<string>", "exec")
exec(code, ns)
print(ns["q"])
expr = compile("3 ** 4", "<expr>", "eval")
print(eval(expr), type(code).__name__, code.co_filename)
single = compile("1 + 1", "<s>", "single")
print(type(single).__name__)
try:
    eval("1 +")
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno)
try:
    exec("def f(:\n pass")
except SyntaxError as e:
    print("SyntaxError", e.lineno)
try:
    eval("undefined_in_eval")
except NameError as e:
    print(e)
print(eval("__name__"), eval("len('abc')"))
exec("import math as m2", ns)
print(ns["m2"].sqrt(16))
def f():
    loc = 5
    return eval("loc * 2")
print(f())
print(eval("  42  "))
exec("for i in range(3): print('exec loop', i)")
print(eval("lambda q: q * 3")(5))
