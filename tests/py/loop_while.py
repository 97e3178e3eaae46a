i = 0
total = 0
while i < 100:
    i += 1
    if i % 2:
        continue
    if i > 50:
        break
    total += i
print(i, total)
a, b = 0, 1
fibs = []
while b < 1000:
    fibs.append(b)
    a, b = b, a + b
print(fibs)
stack = [1, [2, [3, [4]]]]
flat = []
while stack:
    x = stack.pop()
    if isinstance(x, list):
        stack.extend(x)
    else:
        flat.append(x)
print(flat)
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print(steps)
count = 0
while count < 3: count += 1
print(count)
