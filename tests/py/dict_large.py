d = {}
for i in range(20000):
    d[f"k{i}"] = i
print(len(d), d["k12345"], sum(d.values()))
for i in range(0, 20000, 2):
    del d[f"k{i}"]
print(len(d), next(iter(d)), list(d)[-1])
for i in range(5000):
    d[i] = str(i)
print(len(d), d[4999], list(d.items())[10000])
ints = {i * i: i for i in range(10000)}
print(ints[9801], len(ints), 99980001 in ints, 99980002 in ints)
t = {(i, j): i * j for i in range(100) for j in range(100)}
print(len(t), t[(99, 98)], sum(t.values()))
