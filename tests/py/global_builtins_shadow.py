print(len("abc"))
len = lambda x: 42
print(len("abc"))
del len
print(len("abc"))
def f():
    return max([1, 2])
print(f())
import builtins
old = builtins.max
builtins.max = lambda *a: "patched"
print(f())
builtins.max = old
print(f())
print(type(__builtins__).__name__ in ("module", "dict"))
def g():
    list = "shadow"
    return list
print(g(), list("ab"))
