records = [("alice", 30, "ny"), ("bob", 25, "sf"), ("carol", 30, "la"), ("dave", 25, "ny"), ("eve", 35, "sf")]
by_age = sorted(records, key=lambda r: r[1])
print([r[0] for r in by_age])
by_city_then_age = sorted(sorted(records, key=lambda r: r[1]), key=lambda r: r[2])
print([r[0] for r in by_city_then_age])
print([r[0] for r in sorted(records, key=lambda r: (-r[1], r[0]))])

nums = [(i * 7919) % 1000 for i in range(500)]
s = sorted(nums)
print(s[:10], s[-5:], all(s[i] <= s[i + 1] for i in range(len(s) - 1)))
words = "Sphinx of black quartz judge my vow".split()
words.sort(key=str.casefold)
print(words)
class Item:
    def __init__(self, k): self.k = k
    def __lt__(self, o): return self.k < o.k
items = sorted([Item(3), Item(1), Item(2)])
print([i.k for i in items])
l = [5, 3, 1]
try:
    l.sort(key=lambda x: 1 / (x - 3))
except ZeroDivisionError:
    print("key raised", sorted(l) == [1, 3, 5])
