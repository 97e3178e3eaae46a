class Squares:
    def __init__(self, n): self.n = n
    def __iter__(self):
        for i in range(self.n):
            yield i * i
s = Squares(5)
print(list(s), tuple(s), set(s) == {0, 1, 4, 9, 16}, sorted(s, reverse=True), sum(s), max(s), min(s))
print(list(enumerate(s)), list(zip(s, s)), list(map(str, s)), list(filter(None, s)))
print(dict(zip(s, "abcde")), "".join(map(str, s)), any(s), all(s), 9 in s, 10 in s)
print(list(reversed(list(s))), [x for x in s if x % 2], {x % 3 for x in s})
a, *b = s
print(a, b)
print(len(list(iter(s))), list(iter(iter(s))))
