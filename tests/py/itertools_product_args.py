import itertools as it
print(list(it.product("ab", range(2))))
print(list(it.product([1, 2], repeat=0)), list(it.product([], [1])), len(list(it.product(range(3), repeat=4))))
p = it.product("xy", "12")
print(next(p), list(p))
try:
    it.product("a", repeat=-1)
except ValueError as e:
    print(e)
print(sum(a * b for a, b in it.product(range(10), range(10))))
