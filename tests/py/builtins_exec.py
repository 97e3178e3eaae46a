# compile / exec / eval / globals / locals / vars / dir and their errors.
def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!", type(e).__name__, e)
    else:
        print(label, "->", repr(r))

x = 10
show("eval", lambda: (eval("x + 1"), eval("  x * 2"), eval("\tx"), eval(b"x - 1"), eval("y", {"y": 5}), eval("y + z", {"y": 1}, {"z": 2})))
show("eval code", lambda: eval(compile("x * 3", "<c>", "eval")))
show("eval syntax", lambda: eval("1 +"))
show("eval stmt", lambda: eval("y = 1"))
show("eval name", lambda: eval("nope", {}))
show("eval globals bad", lambda: eval("1", 1))
show("eval globals map", lambda: eval("1", [], {}))
show("eval locals bad", lambda: eval("1", {}, 1))
show("eval src bad", lambda: eval(1))
show("eval nul", lambda: eval("1\0"))
show("eval kw", lambda: eval("1", globals={}))
g = {}
exec("a = 1\nb = a + 1", g)
show("exec globals", lambda: (g["a"], g["b"], type(g["__builtins__"]).__name__))
l = {}
exec("c = x + 1", None, l)
show("exec locals", lambda: l)
exec("d = 4")
show("exec module", lambda: d)
show("exec returns", lambda: exec("1"))
show("exec code", lambda: (exec(compile("e = 5", "f", "exec"), g), g["e"]))
show("exec bad", lambda: exec(1))
show("exec globals bad", lambda: exec("1", []))
show("exec locals bad", lambda: exec("1", {}, 1))
show("exec syntax", lambda: exec("def f(:\n pass"))
show("exec closure", lambda: exec("1", {}, closure=(1,)))
def outer():
    v = 1
    def inner():
        return v
    return inner
show("exec closure code", lambda: exec(outer().__code__, {}))
show("exec closure wrong", lambda: exec(outer().__code__, {}, closure=(1,)))
show("eval free", lambda: eval(outer().__code__, {}))
ns = {}
exec("def f(n):\n    return n * 2\nr = f(21)", ns)
show("exec def", lambda: ns["r"])
show("exec raise", lambda: exec("raise KeyError('k')"))
show("compile modes", lambda: [type(compile("1", "f", m)).__name__ for m in ("exec", "eval", "single")])
show("compile bad mode", lambda: compile("1", "f", "nope"))
show("compile bad src", lambda: compile(1, "f", "exec"))
show("compile flags", lambda: compile("1", "f", "exec", 1 << 30))
show("compile optimize", lambda: compile("1", "f", "exec", optimize=3))
show("compile filename", lambda: (compile("1", b"bytes_name", "exec").co_filename, compile("1", "fn", "exec").co_filename))
show("compile bad filename", lambda: compile("1", 5, "exec"))
show("compile error", lambda: compile("x = (", "myfile", "exec"))
try:
    compile("a b", "src.py", "exec")
except SyntaxError as e:
    print("syntax details", e.filename, e.lineno, e.msg)
def fn(a, b=2):
    c = a + b
    def inner():
        return c
    return sorted(locals().items(), key=lambda kv: kv[0])
show("locals fn", lambda: [k for k, v in fn(1)])
def fn2():
    q = 1
    del q
    r = 2
    return locals()
show("locals del", fn2)
show("globals", lambda: (globals()["x"], globals() is globals(), "show" in globals()))
class K:
    attr = 1
    names = sorted(locals())
    vnames = sorted(vars())
show("class locals", lambda: (K.names, K.vnames))
show("module locals", lambda: locals() is globals())
def fdir():
    p = 1
    q = 2
    return dir()
show("dir fn", fdir)
show("vars noarg", lambda: sorted(vars(K))[:3])
show("globals arg", lambda: globals(1))
show("locals arg", lambda: locals(1))
show("import", lambda: (__import__("math").__name__, __import__("math", fromlist=["pi"]).__name__, __import__(name="math", level=0).__name__))
show("import bad", lambda: __import__(1))
show("import empty", lambda: __import__(""))
show("import level", lambda: __import__("x", level=-1))
show("import missing", lambda: __import__("no_such_module_xyz"))
