l = [3, 1, 4, 1, 5, 9, 2, 6]
print(l[0], l[-1], l[2:5], l[::2], l[::-1], l[5:2:-1], l[100:], l[-100:2])
l.append(5); l.extend([3, 5]); l.insert(0, 0); l.insert(-1, 99); l.insert(100, 100)
print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove(1)
print(l, l.index(5), l.index(5, 5), l.count(5))
l.reverse(); print(l)
l.sort(); print(l)
c = l.copy(); c.clear(); print(c, len(l))
l[1:3] = ["a", "b", "c"]; print(l)
l[::2] = range(len(l[::2])); print(l)
l[:] = [1, 2]; print(l)
print([1, 2] + [3], [0] * 3, [[]] * 2, 2 in [1, 2], [1, 2] == [1, 2], [1, 2] < [1, 3], [1] < [1, 0])
try:
    l[::2] = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    [].pop()
except IndexError as e:
    print(e)
try:
    [1][5]
except IndexError as e:
    print(e)
try:
    [1].index(9)
except ValueError as e:
    print(e)
x = [1, 2, 3]
x[len(x):] = [4]
del x[::2]
print(x, list(range(3)) * 2, x * 0)
nested = [1, [2, [3]]]
nested[1][1].append(4)
print(nested, repr(nested))
r = [1]; r.append(r); print(r)
