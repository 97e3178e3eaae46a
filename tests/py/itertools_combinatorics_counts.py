import itertools as it
import math
for n in range(6):
    for r in range(n + 2):
        a = len(list(it.combinations(range(n), r)))
        b = len(list(it.permutations(range(n), r)))
        c = len(list(it.combinations_with_replacement(range(n), r)))
        assert a == math.comb(n, r) and b == math.perm(n, r)
    print(n, [len(list(it.combinations_with_replacement(range(n), r))) for r in range(4)])
print(list(it.permutations("aab", 2)))
print(list(it.combinations([3, 1, 2], 2)))
