print(sum([]), sum([1, 2, 3]), sum(range(1, 101)), sum([0.1] * 3), sum([1, 2], 10), sum((i for i in range(5)), start=100))
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()), sum([True, True, False]))
print(sum([1.5, 2, 3 + 0j]), sum([10 ** 20, 1, -10 ** 20]), sum([1e100, 1.0, -1e100]))
try:
    sum(["a", "b"])
except TypeError as e:
    print(e)
try:
    sum([b"a"], b"")
except TypeError as e:
    print(e)
import math
print(math.prod(range(1, 11)), math.fsum([0.1] * 10), math.prod([0.5, 4]))
