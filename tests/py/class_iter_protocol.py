class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(5)))
c = Countdown(3)
print(next(c), next(c), next(c), next(c, "done"))
class Rng:
    def __init__(self, n): self.n = n
    def __iter__(self): return iter(range(self.n))
    def __reversed__(self): return iter(range(self.n - 1, -1, -1))
    def __len__(self): return self.n
print(list(Rng(4)), list(reversed(Rng(4))), len(Rng(4)))
a, b, *c = Rng(5)
print(a, b, c)
print(sum(Rng(101)), sorted(Rng(3), reverse=True))
class BadIter:
    def __iter__(self): return 5
try:
    iter(BadIter())
except TypeError as e:
    print(e)
try:
    iter(5)
except TypeError as e:
    print(e)
try:
    next([1])
except TypeError as e:
    print(e)
it = iter([1, 2])
print(iter(it) is it)
calls = iter([3, 2, 1, 0, 5])
print(list(iter(lambda: next(calls), 0)))
