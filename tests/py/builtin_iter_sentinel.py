vals = [1, 2, 3, None, 5]
i = iter(vals)
print(list(iter(lambda: next(i), None)))
class Counter:
    def __init__(self): self.n = 0
    def __call__(self):
        self.n += 1
        return self.n
print(list(iter(Counter(), 5)))
try:
    iter(5, None)
except TypeError as e:
    print(e)
def g():
    raise StopIteration
print(list(iter(g, 1)))
