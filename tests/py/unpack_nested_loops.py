data = [("a", (1, 2)), ("b", (3, 4))]
for name, (x, y) in data:
    print(name, x + y)
pairs = {"k1": [1, 2, 3], "k2": [4]}
for k, (first, *rest) in pairs.items():
    print(k, first, rest)
matrix = [[(1, 2), (3, 4)], [(5, 6), (7, 8)]]
for row in matrix:
    for (a, b) in row:
        print(a * b, end=" ")
print()
[(p, q)] = [(9, 10)]
print(p, q)
((a, b), c), d = ((1, 2), 3), 4
print(a, b, c, d)
for i, (j, (k, l)) in enumerate([(1, (2, 3)), (4, (5, 6))]):
    print(i, j, k, l)
