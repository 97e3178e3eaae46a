d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), "a" in d, "z" not in d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("d", 4), d.setdefault("a", 100))
print(d.pop("d"), d.pop("zz", "dflt"), d)
d.update({"e": 5}, f=6); d.update([("g", 7)])
print(d)
print(d.popitem(), d)
print(dict.fromkeys("xyz", 0), dict.fromkeys([1, 2]))
c = d.copy(); c["a"] = -1; print(d["a"], c["a"])
print({**d, "a": 0} | {"z": 26}, d == dict(d), {1: 2} == {1: 2.0})
d |= {"h": 8}
print(d)
del d["a"]
try:
    d["a"]
except KeyError as e:
    print(repr(e))
try:
    d.pop("nope")
except KeyError as e:
    print(repr(e))
try:
    {}.popitem()
except KeyError as e:
    print(e)
try:
    for k in d:
        d["new" + k] = 1
except RuntimeError as e:
    print(e)
ks = d.keys()
d["later"] = 1
print("later" in ks, len(ks), ks & {"b", "q"}, ks | {"q"} >= {"q"})
print(sorted(d.items())[:2], list(reversed({1: 1, 2: 2})))
print(dict(a=1, **{"b": 2}), dict(zip("ab", range(2))), dict({"x": 1}, y=2))
