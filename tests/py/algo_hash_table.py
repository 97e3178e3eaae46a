class HashMap:
    def __init__(self):
        self.buckets = [[] for _ in range(8)]
        self.n = 0
    def _b(self, k):
        return self.buckets[hash(k) % len(self.buckets)]
    def __setitem__(self, k, v):
        b = self._b(k)
        for i, (kk, _) in enumerate(b):
            if kk == k:
                b[i] = (k, v)
                return
        b.append((k, v))
        self.n += 1
        if self.n > 2 * len(self.buckets):
            old = [p for b in self.buckets for p in b]
            self.buckets = [[] for _ in range(len(self.buckets) * 2)]
            self.n = 0
            for kk, vv in old:
                self[kk] = vv
    def __getitem__(self, k):
        for kk, v in self._b(k):
            if kk == k:
                return v
        raise KeyError(k)
    def __len__(self):
        return self.n
h = HashMap()
for i in range(1000):
    h[f"key{i}"] = i
    h[i] = -i
print(len(h), len(h.buckets), h["key500"], h[999])
try:
    h["missing"]
except KeyError as e:
    print("KeyError", e)
print(sum(h[f"key{i}"] for i in range(1000)))
