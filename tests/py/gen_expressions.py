g = (x for x in range(3))
print(type(g).__name__, list(g), list(g))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
def lazy():
    try:
        g = (1 / x for x in [1, 0])
        print("created")
        print(next(g))
        next(g)
    except ZeroDivisionError:
        print("lazy error")
lazy()
try:
    (x for x in 5)
except TypeError as e:
    print(e)
outer = [1, 2]
g2 = (x for x in outer)
outer = [3, 4]
print(list(g2))
print(sum(x for x in range(10) if x % 3 == 0))
cond = (x if x > 2 else -x for x in range(5))
print(list(cond))
print(list(x * y for x, y in zip([1, 2], [3, 4])))
