t = (1, 2, 3, 2)
print(t[1], t[-1], t[1:3], t[::-1], len(t), t.count(2), t.index(3), 2 in t)
print(t + (4,), t * 2, (1,) * 0, (), (1,), tuple(), tuple("ab"))
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9), (1, "a") == (1, "a"))
try:
    t[0] = 5
except TypeError as e:
    print(e)
try:
    t[10]
except IndexError as e:
    print(e)
try:
    t.index(99)
except ValueError as e:
    print(e)
a, b = (1, 2)
print(a, b, hash((1, 2)) == hash((1, 2)))
nested = ([1], 2)
nested[0].append(3)
print(nested)
try:
    hash(nested)
except TypeError as e:
    print(e)
print(repr((1,)), repr(()), str((1, "a", None)))
print(sorted([(2, "b"), (1, "z"), (2, "a")]), max([(1, 2), (1, 3)]))
