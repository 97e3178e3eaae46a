class Inner:
    def __init__(self): self.log = []
    def __iter__(self): return self
    def __next__(self): return "next"
    def send(self, v):
        self.log.append(("send", v))
        return f"sent {v}"
    def throw(self, *a):
        self.log.append(("throw", a[0].__name__ if isinstance(a[0], type) else type(a[0]).__name__))
        return "thrown"
    def close(self):
        self.log.append("close")
inner = Inner()
def outer():
    yield from inner
o = outer()
print(next(o), o.send(1), o.throw(ValueError), o.send(2))
o.close()
print(inner.log)
def delegating_return():
    r = yield from iter([1, 2])
    yield ("iter returned", r)
print(list(delegating_return()))
