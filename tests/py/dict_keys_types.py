d = {}
d[1] = "int"
d[1.5] = "float"
d["s"] = "str"
d[(1, 2)] = "tuple"
d[None] = "none"
d[frozenset([1])] = "frozenset"
d[True] = "bool overrides int 1"
d[b"b"] = "bytes"
d[2 ** 70] = "bigint"
d[-0.0] = "neg zero"
for k, v in d.items():
    print(repr(k), v)
print(d[1.0], d[0], d[(1, 2)], d[frozenset({1})])
try:
    d[[1]] = 1
except TypeError as e:
    print(e)
try:
    d[{}]
except TypeError as e:
    print(e)
print(len(d), d.get(float("nan"), "nan absent"))
