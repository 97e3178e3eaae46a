class Builder:
    def __init__(self):
        self.steps = []
    def adder(self, n):
        def add(x):
            self.steps.append(f"add {n}")
            return x + n
        return add
    def pipeline(self, *fs):
        def run(x):
            for f in fs:
                x = f(x)
            return x
        return run
b = Builder()
p = b.pipeline(b.adder(1), b.adder(10), lambda v: v * 2)
print(p(5), b.steps)
def outer():
    v = "outer"
    class Inner:
        def get(self):
            return v
    v = "changed"
    return Inner().get()
print(outer())
