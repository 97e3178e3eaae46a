text = "the quick brown fox jumps over the lazy dog"
words = text.split()
print(len(words), sorted(set(words)))
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
print(" ".join(w[::-1] for w in words))
print(",".join(map(str, range(10))))
csv = "name,age\nann,30\nbob,25\n"
rows = [line.split(",") for line in csv.strip().split("\n")]
print(rows)
print("a--b---c".split("-"), "  x  y ".split(" "), "".split(","), "".split())
print("1 2 3".split(maxsplit=1), "a.b.c.d".rsplit(".", maxsplit=2))
try:
    "abc".split("")
except ValueError as e:
    print(e)
print("x".join("abc"), "".join([]), ", ".join(("p", "q")))
try:
    ",".join(["a", None])
except TypeError as e:
    print(e)
