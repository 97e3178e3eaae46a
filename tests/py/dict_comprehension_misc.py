words = ["apple", "banana", "cherry", "avocado", "blueberry"]
by_letter = {}
for w in words:
    by_letter.setdefault(w[0], []).append(w)
print(by_letter)
print({k: len(v) for k, v in by_letter.items()})
print({w: i for i, w in enumerate(words) if "e" in w})
inv = {v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}
print(inv)
grid = {(x, y): x * y for x in range(3) for y in range(3) if x != y}
print(grid)
print({i: {j: i * j for j in range(2)} for i in range(2)})
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
