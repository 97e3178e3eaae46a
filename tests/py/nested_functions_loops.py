def outer():
    results = []
    for i in range(3):
        def inner(j, i=i):
            return i * 10 + j
        results.append([inner(j) for j in range(3)])
    return results
print(outer())
def make_multipliers():
    return [lambda x, n=n: x * n for n in range(1, 5)]
print([m(10) for m in make_multipliers()])
def counter_factory():
    counts = {}
    def count(word):
        counts[word] = counts.get(word, 0) + 1
        return counts[word]
    return count, counts
count, counts = counter_factory()
for w in "a b a c b a".split():
    count(w)
print(sorted(counts.items()))
