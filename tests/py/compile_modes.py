c = compile("x = 1\ny = x + 1\n", "myfile", "exec")
print(c.co_filename, c.co_name, type(c).__name__)
ns = {}
exec(c, ns)
print(ns["y"])
e = compile("a * 2", "e", "eval")
print(eval(e, {"a": 21}))
for src, mode in [("x = ", "exec"), ("x = 1", "eval"), ("return 5", "exec"), ("a b", "eval"),
                  ("def f():\nreturn", "exec"), ("break", "exec"), ("(1, 2", "eval")]:
    try:
        compile(src, "bad", mode)
        print("compiled", repr(src))
    except SyntaxError as err:
        print(repr(src), "->", err.msg, err.lineno)
try:
    compile("1", "f", "bogus")
except ValueError as err:
    print(err)
c2 = compile("def f(a, b=2):\n    return a + b\n", "fn", "exec")
d = {}
exec(c2, d)
print(d["f"](1), d["f"].__code__.co_filename)
