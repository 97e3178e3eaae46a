a, *b = [1, 2, 3]
print(a, b)
*a, b = "xyz"
print(a, b)
a, *b, c = range(6)
print(a, b, c)
a, *b, c = 1, 2
print(a, b, c)
(a, b), *c = [(1, 2), 3, 4]
print(a, b, c)
[a, [b, *c]] = [1, [2, 3, 4]]
print(a, b, c)
for x, *y in [(1, 2, 3), (4,)]:
    print(x, y)
print([*range(3), *"ab", *{'k': 1}])
print((*[1, 2],))
print({*[1, 2], *(2, 3)})
print({**{'a': 1}, 'b': 2, **{'a': 3}})
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(e)
try:
    a, b = 1
except TypeError as e:
    print(e)
first, *_, last = range(100)
print(first, last)
