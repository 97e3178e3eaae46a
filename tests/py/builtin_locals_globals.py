g_var = "global"
def f(a, b=2):
    c = a + b
    return sorted(locals().items())
print(f(1))
print(sorted(k for k in globals() if not k.startswith("__")))
def modify_globals():
    globals()["injected"] = 99
modify_globals()
print(injected)
class K:
    x = 1
    names = sorted(k for k in locals() if not k.startswith("__"))
print(K.names)
print(globals() is globals(), locals() is globals())
