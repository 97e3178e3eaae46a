l = []
l.append(1); l.extend(range(2, 5)); l.insert(0, 0); l.insert(2, 1.5)
print(l, l.index(3), l.count(1))
print(l.pop(2), l.pop(), l)
l.remove(0); print(l)
l.reverse(); print(l)
l.sort(reverse=True); print(l)
c = l.copy(); c.append(9); print(l, c)
l *= 2; print(l)
l[1:3] = []; print(l)
l.clear(); print(l, len(l))
print(list.__name__, [].__class__ is list, list((1, 2)), list({"a": 1}), list(range(3)))
try:
    [].remove(1)
except ValueError as e:
    print(e)
try:
    [1, 2].pop(5)
except IndexError as e:
    print(e)
try:
    [].index(1, 0, 5)
except ValueError as e:
    print(e)
print([3, 1, 2].sort(), sorted([3, 1, 2]), [1, 2, 3][-2:], [1, 2] * 2 == [1, 2, 1, 2])
