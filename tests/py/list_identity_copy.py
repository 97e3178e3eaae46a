a = [[1, 2], [3]]
b = a[:]
c = list(a)
d = a.copy()
b[0].append(99)
print(a, b is a, b[0] is a[0], c[0] is a[0], d == a)
deep = [row[:] for row in a]
deep[0].append(100)
print(a, deep)
x = [0] * 3
y = [[0] * 2] * 2
y[0][0] = 5
print(x, y)
z = [[0] * 2 for _ in range(2)]
z[0][0] = 5
print(z)
e = a
e += [[7]]
print(a is e, a)
