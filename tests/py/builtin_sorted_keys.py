people = [{"name": "ann", "age": 30}, {"name": "bob", "age": 25}, {"name": "cat", "age": 30}, {"name": "dan", "age": 20}]
print([p["name"] for p in sorted(people, key=lambda p: p["age"])])
print([p["name"] for p in sorted(people, key=lambda p: (-p["age"], p["name"]))])
print(sorted(["10", "9", "100", "1"]), sorted(["10", "9", "100", "1"], key=int))
print(sorted([3, -1, -4, 2], key=abs), sorted("Hello World", key=str.lower))
print(sorted([(1, "b"), (1, "a"), (0, "z")], key=lambda t: t[0]))
print(sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1], reverse=True))
print(sorted([[3, 1], [2], [1, 1, 1]], key=len), sorted(range(10), key=lambda x: x % 3))
print(sorted([1.5, 1, True, 0.5]), sorted(["b", "a"], reverse=True))
