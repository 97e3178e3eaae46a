src = '''
def greet(name, punct="!"):
    return "hello " + name + punct
class Greeter:
    def __init__(self, n): self.n = n
    def __call__(self): return greet(self.n)
result = Greeter("exec")()
'''
ns = {}
exec(src, ns)
print(ns["result"], ns["greet"]("x", "?"), ns["greet"].__module__ if "__name__" in ns else ns["greet"].__globals__ is ns)
code = compile("total = sum(x * x for x in data)", "<calc>", "exec")
for data in ([1, 2], [3, 4, 5]):
    scope = {"data": data}
    exec(code, scope)
    print(scope["total"])
print(eval(compile("[a for a in range(n)]", "<e>", "eval"), {"n": 4}))
exec("print('exec prints', __name__)", {"__name__": "custom"})
exec("x = 1", None, None) if False else None
print(eval("1 if True else 2"), eval("(lambda: 7)()"), eval("{'a': [1, 2]}")["a"])
