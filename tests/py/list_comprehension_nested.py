matrix = [[r * 4 + c for c in range(4)] for r in range(3)]
print(matrix)
print([row[i] for row in matrix for i in range(len(row)) if i == len(row) - 1])
print([[row[c] for row in matrix] for c in range(4)])
print([x for row in matrix for x in row if x % 3 == 0])
print({r: sum(row) for r, row in enumerate(matrix)})
print([(a, b, c) for a in range(1, 20) for b in range(a, 20) for c in range(b, 20) if a * a + b * b == c * c])
print(sum(sum(r) for r in matrix), max(max(r) for r in matrix))
print([[1 if i == j else 0 for j in range(3)] for i in range(3)])
