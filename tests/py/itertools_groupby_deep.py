import itertools as it
data = [("fruit", "apple"), ("fruit", "pear"), ("veg", "kale"), ("fruit", "fig"), ("veg", "leek"), ("veg", "okra")]
for key, group in it.groupby(data, key=lambda p: p[0]):
    print(key, [name for _, name in group])
srt = sorted(data)
print({k: [n for _, n in g] for k, g in it.groupby(srt, lambda p: p[0])})
groups = it.groupby("aabbb")
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2))
print([k for k, _ in it.groupby([])])
runs = [(k, sum(1 for _ in g)) for k, g in it.groupby("WWWWBBBWWB")]
print(runs, "".join(f"{n}{k}" for k, n in runs))
