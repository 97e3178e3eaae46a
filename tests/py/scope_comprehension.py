x = 10
lst = [x for x in range(3)]
print(lst, x)
print({x: x * x for x in range(4)}, x)
print({x % 3 for x in range(10)})
gen = (x * 2 for x in range(3))
print(list(gen), x)

def f():
    y = 5
    return [y + i for i in range(3)]
print(f())

nested = [[i * j for j in range(3)] for i in range(3)]
print(nested)
print([(i, j) for i in range(3) for j in range(i)])
print([i for i in range(20) if i % 2 if i % 3])
try:
    [undefined_name for _ in range(1)]
except NameError as e:
    print(e)
def g():
    z = [w := i * 2 for i in range(4)]
    return z, w
print(g())
print([(lambda: i)() for i in range(3)])
