data = [5, 2, 9, 1, 5, 6]
print(sorted(data), sorted(data, reverse=True), data)
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=lambda w: (len(w), w)))
print(sorted(words, key=str.lower, reverse=True))
pairs = [(1, "b"), (0, "z"), (1, "a"), (0, "a")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]))
print(sorted("hello"), sorted({3: 1, 1: 2}), sorted((3, 1, 2)), sorted(set([3, 1])))
print(sorted([]), sorted([1]), sorted(range(10, 0, -3)))
stable = sorted([("x", 2), ("y", 1), ("z", 2), ("w", 1)], key=lambda p: p[1])
print(stable)
lst = [3, 1, 2]
lst.sort()
print(lst)
lst.sort(key=lambda v: -v)
print(lst)
try:
    sorted([1, "a"])
except TypeError as e:
    print(e)
try:
    sorted([1], key=5)
except TypeError as e:
    print(e)
try:
    sorted([3, 1], lambda a: a)
except TypeError as e:
    print(e)
print(sorted([0.5, -1, 2, True, 0]))
print(sorted([[2, 1], [1, 2, 3], [1, 2]]))
