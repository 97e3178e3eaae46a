a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, a ^ b, a <= b, {3} < b, a >= {1}, a.isdisjoint({9}))
print(a.union([7]), a.intersection(b, {4}), a.difference([1], [2]), a.symmetric_difference(range(3)))
s = set()
s.add(1); s.add(1); s.update([2, 3], (4,)); print(s)
s.discard(9); s.remove(1); print(s)
try:
    s.remove(9)
except KeyError as e:
    print(repr(e))
print(s.pop() in {2, 3, 4}, len(s))
fs = frozenset([1, 2])
print(fs | {3}, type(fs | {3}).__name__, type({3} | fs).__name__, {fs: "ok"}[frozenset({2, 1})])
try:
    hash({1})
except TypeError as e:
    print(e)
c = {1, 2}
c |= {3}; c &= {1, 3}; c -= {1}; c ^= {7}
print(c)
print(set("hello") == set("olleh"), {1, 2} == frozenset({1, 2}), sorted({"b", "a", "c"}))
print(set(), frozenset(), {1}.issubset([1, 2]), {1, 2}.issuperset([1]))
try:
    for x in c:
        c.add(x + 100)
except RuntimeError as e:
    print(e)
print({"apple", "banana", "cherry"})
print({x for x in "mississippi"})
