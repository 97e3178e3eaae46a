parts = []
for i in range(1000):
    parts.append(str(i))
s = "".join(parts)
print(len(s), s[:20], s[-10:])
acc = ""
for i in range(300):
    acc += chr(65 + i % 26)
print(len(acc), acc[:30])
lines = "\n".join(f"{i:3d}: {'*' * (i % 7)}" for i in range(10))
print(lines)
table = [[f"{r * c:4d}" for c in range(1, 6)] for r in range(1, 6)]
print("\n".join("".join(row) for row in table))
print("-" * 20)
print(" ".join(w.capitalize() for w in "the lazy dog".split()))
