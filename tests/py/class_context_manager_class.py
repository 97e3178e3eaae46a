class Timer:
    depth = 0
    def __init__(self, name):
        self.name = name
        self.log = []
    def __enter__(self):
        Timer.depth += 1
        self.log.append(f"{'  ' * Timer.depth}start {self.name}")
        return self
    def __exit__(self, *exc):
        self.log.append(f"{'  ' * Timer.depth}end {self.name}")
        Timer.depth -= 1
log = []
with Timer("outer") as o:
    with Timer("inner") as i:
        pass
    log += o.log + i.log
log += o.log[len(log) - len(i.log):]
print("\n".join(o.log + i.log))
class Resource:
    opened = []
    def __init__(self, n): self.n = n
    def __enter__(self):
        Resource.opened.append(self.n)
        return self
    def __exit__(self, t, v, tb):
        Resource.opened.remove(self.n)
        return t is KeyError
with Resource(1), Resource(2):
    print(Resource.opened)
with Resource(3):
    raise KeyError
print(Resource.opened)
