objs = []
for i in range(50000):
    objs.append((i, str(i), [i] * 2, {"k": i}))
print(len(objs), objs[-1][1], sum(o[0] for o in objs))
del objs[::2]
print(len(objs), objs[0][1])
strings = ["x" * (i % 100) for i in range(20000)]
print(sum(map(len, strings)))
big = [list(range(100)) for _ in range(1000)]
print(sum(sum(r) for r in big))
