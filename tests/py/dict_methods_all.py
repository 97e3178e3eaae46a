d = dict(a=1, b=2, c=3)
print(d.keys(), d.values(), d.items())
print(d.get("a"), d.get("x", "dflt"), d.setdefault("x", 0), d)
print(d.pop("x"), d.pop("nope", None), d.popitem(), d)
d.update(z=26); d.update({"y": 25}); d.update([("w", 23)])
print(d, len(d), list(reversed(d)))
print(dict.fromkeys("ab"), dict.fromkeys(range(3), []))
e = d.copy(); e.clear(); print(e, d)
print({1: "a"} | {2: "b"}, {"k": 1} == {"k": 1.0}, {} == dict())
print("a" in d, "zz" in d, 1 in d.values(), ("a", 1) in d.items())
print(dict(sorted(d.items(), key=lambda kv: kv[1])))
print(sorted(d), min(d), max(d.values()), sum(d.values()))
try:
    d.update(1)
except TypeError as e:
    print(e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print(e)
