x = 100
g = (x + i for i in range(3))
x = 200
print(list(g))
data = [1, 2, 3]
g2 = (d * 2 for d in data)
data = [10]
print(list(g2))
def f():
    y = 5
    return list(y * i for i in range(3))
print(f())
class C:
    base = 10
    items = list(i for i in range(3))
print(C.items)
