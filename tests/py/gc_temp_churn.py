def churn(n):
    acc = 0
    for i in range(n):
        t = (i, i + 1, i + 2)
        l = [t, t, str(i)]
        d = {"a": l, "b": t}
        acc += len(d["a"][2]) + d["b"][1]
    return acc
print(churn(100000))
s = ""
for i in range(2000):
    s = s + str(i % 10)
print(len(s), s[-10:])
nested = None
for i in range(10000):
    nested = [nested, i]
depth = 0
while nested:
    depth += 1
    nested = nested[0]
print(depth)
