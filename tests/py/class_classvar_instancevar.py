class Counter:
    instances = 0
    shared = []
    def __init__(self):
        Counter.instances += 1
        self.shared.append(Counter.instances)
        self.own = [Counter.instances]
a, b = Counter(), Counter()
print(Counter.instances, a.shared is b.shared, a.shared, a.own, b.own)
a.instances = 100
print(a.instances, b.instances, Counter.instances)
class Sub(Counter):
    instances = 50
s = Sub()
print(Sub.instances, Counter.instances, s.shared)
class Defaults:
    x = []
    def add(self, v):
        self.x = self.x + [v]
d1, d2 = Defaults(), Defaults()
d1.add(1)
print(d1.x, d2.x, Defaults.x)
