class Fib:
    def __init__(self, limit): self.limit = limit
    def __iter__(self): return FibIter(self.limit)
class FibIter:
    def __init__(self, limit):
        self.a, self.b, self.limit = 0, 1, limit
    def __iter__(self): return self
    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        v = self.a
        self.a, self.b = self.b, self.a + self.b
        return v
f = Fib(100)
print(list(f), list(f), sum(f), max(f), 55 in f)
print(list(zip(Fib(10), Fib(10))), dict(enumerate(Fib(5))))
class Peek:
    def __init__(self, it):
        self.it = iter(it)
        self.buf = []
    def peek(self, default=None):
        if not self.buf:
            try:
                self.buf.append(next(self.it))
            except StopIteration:
                return default
        return self.buf[0]
    def __iter__(self): return self
    def __next__(self):
        return self.buf.pop() if self.buf else next(self.it)
p = Peek("abc")
print(p.peek(), next(p), p.peek(), list(p), p.peek("end"))
