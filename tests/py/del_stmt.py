x = 1
del x
try:
    x
except NameError as e:
    print(e)
lst = list(range(10))
del lst[0]
del lst[-1]
del lst[2:4]
del lst[::2]
print(lst)
d = {'a': 1, 'b': 2, 'c': 3}
del d['b']
print(d)
try:
    del d['zz']
except KeyError as e:
    print(repr(e))
class O:
    pass
o = O()
o.a = 1; o.b = 2
del o.a
print(vars(o))
try:
    del o.a
except AttributeError as e:
    print(e)
a, b, c = 1, 2, 3
del a, b
print('a' in dir(), 'c' in dir())
def f():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return str(e)
print(f())
l2 = [[1, 2], [3, 4]]
del l2[1][0]
print(l2)
