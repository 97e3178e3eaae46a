fs = []
for i in range(3):
    fs.append(lambda i=i: i * 10)
print([f() for f in fs])
gs = [lambda: i for i in range(3)]
print([g() for g in gs])
def make():
    acc = []
    for j in range(3):
        def f(j=j):
            return j
        acc.append(f)
    j = 100
    return [f() for f in acc], j
print(make())
x = 5
h = lambda y, x=x: x + y
x = 50
print(h(1))
