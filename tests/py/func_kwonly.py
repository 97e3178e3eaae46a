def f(a, *, b, c=3):
    return a, b, c

print(f(1, b=2))
print(f(1, c=5, b=4))
try:
    f(1, 2)
except TypeError as e:
    print(e)
try:
    f(1)
except TypeError as e:
    print(e)
print(f.__kwdefaults__)

def g(*, x, y):
    return x * y
print(g(y=3, x=4))
try:
    g(x=1)
except TypeError as e:
    print(e)
try:
    g(1, 2)
except TypeError as e:
    print(e)
