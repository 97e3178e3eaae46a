class LRU:
    def __init__(self, cap):
        self.cap = cap
        self.d = {}
        self.hits = self.misses = 0
    def get(self, k, compute):
        if k in self.d:
            self.hits += 1
            v = self.d.pop(k)
            self.d[k] = v
            return v
        self.misses += 1
        v = compute(k)
        self.d[k] = v
        if len(self.d) > self.cap:
            del self.d[next(iter(self.d))]
        return v
cache = LRU(5)
seq = [1, 2, 3, 1, 4, 5, 6, 1, 2, 7, 1, 3, 3, 3, 8]
out = [cache.get(k, lambda x: x * x) for k in seq]
print(out)
print(cache.hits, cache.misses, list(cache.d))
