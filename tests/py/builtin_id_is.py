a = [1]
b = a
print(id(a) == id(b), id(a) == id([1]) and False, a is b)
x = object()
ids = {id(x)}
print(id(x) in ids, type(id(x)).__name__, id(x) > 0)
print(None is None, True is True, ... is ..., NotImplemented is NotImplemented)
t = ()
print(t == (), "" == "")
s1 = "hello"
s2 = "".join(["hel", "lo"])
print(s1 == s2)
