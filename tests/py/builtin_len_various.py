print(len(""), len("abc"), len([1, 2]), len((1,)), len({}), len({1: 2}), len(set()), len(frozenset("ab")))
print(len(range(0, 100, 3)), len(b"xyz"), len(bytearray(5)), len({}.keys()), len({"a": 1}.items()))
print(len("😀é"), len("😀é".encode()), len([[]] * 5), len(range(10 ** 6)))
try:
    len(iter([]))
except TypeError as e:
    print(e)
try:
    len(None)
except TypeError as e:
    print(e)
try:
    len(range(10 ** 20))
except OverflowError as e:
    print(e)
