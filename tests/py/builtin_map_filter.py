print(list(map(lambda x: x * 2, range(5))), list(map(max, [1, 5], [4, 2], [3, 3])))
print(list(map(str.strip, [" a ", "b  "])), list(map(int, "123")), list(map(len, ["", "ab"])))
print(list(filter(str.isdigit, "a1b2c3")), list(filter(lambda p: p[1], {"a": 0, "b": 1}.items())))
print(list(filter(None, range(-2, 3))), list(map(pow, range(4), [2] * 4)))
m = map(abs, [-1, -2])
print(next(m), list(m), list(m))
print(type(map(str, [])).__name__, type(filter(None, [])).__name__)
try:
    map(5, [1])
    list(map(5, [1]))
except TypeError as e:
    print(e)
print(sum(map(int, "9" * 20)), "".join(map(chr, range(65, 75))))
