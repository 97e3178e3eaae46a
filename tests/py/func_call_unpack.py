def f(a, b, c, d=0, *e, **f):
    return a, b, c, d, e, f

print(f(*[1, 2, 3]))
print(f(1, *(2, 3), 4, 5, *[6]))
print(f(**{'a': 1, 'b': 2, 'c': 3}))
print(f(1, 2, **{'c': 3, 'x': 4}))
print(f(*"abc"))
print(f(*range(6), z=1, **{'y': 2}))
args = (1, 2)
kw = {'c': 3}
print(f(*args, **kw))
try:
    f(1, 2, 3, **{'a': 1})
except TypeError as e:
    print(e)
try:
    f(*1)
except TypeError as e:
    print(e)
try:
    f(**[1])
except TypeError as e:
    print(e)
print(f(*iter([1, 2, 3])))
print(f(*{3: 0, 1: 0, 2: 0}))
