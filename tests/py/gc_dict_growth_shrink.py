d = {}
for cycle in range(5):
    for i in range(5000):
        d[(cycle, i)] = [i]
    for i in range(0, 5000, 2):
        del d[(cycle, i)]
print(len(d), sum(v[0] for v in d.values()))
d.clear()
print(len(d))
s = set()
for i in range(30000):
    s.add(i % 7919)
print(len(s))
l = []
for i in range(100000):
    l.append(i)
while len(l) > 10:
    l.pop()
print(l)
