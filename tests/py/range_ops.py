r = range(10)
print(r, list(r[2:8:2]), r[-1], len(range(1, 100, 7)), list(range(5, -5, -3)))
print(range(0, 10, 2) == range(0, 9, 2), range(0) == range(5, 5), hash(range(3)) == hash(range(0, 3)))
print(5 in range(0, 10, 5), 5.0 in range(10), "5" in range(10), 10 ** 20 in range(10 ** 21))
print(range(10 ** 20)[-1], len(range(-5, 5)), range(3).start, range(3).stop, range(1, 2, 3).step)
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)
try:
    range(1.5)
except TypeError as e:
    print(e)
try:
    range(5)[10]
except IndexError as e:
    print(e)
print(list(reversed(range(1, 10, 3))), range(10).index(4), range(2, 20, 2).count(8))
print(sum(range(1000000)))
