d = {}
for k in ["z", "a", "m", "b"]:
    d[k] = ord(k)
print(list(d))
d["a"] = 0
print(list(d))
del d["z"]
d["z"] = 1
print(list(d), list(d.items()))
v = d.values()
k = d.keys()
it = d.items()
d["new"] = 5
print(list(v), len(k), ("new", 5) in it)
print(type(k).__name__, type(v).__name__, type(it).__name__)
print(k - {"a"} == {"m", "b", "z", "new"}, {"a": 1}.keys() == {"a"})
print(sorted(d, key=d.get))
print(max(d, key=lambda x: d[x]))
inv = {v: k for k, v in d.items()}
print(inv)
