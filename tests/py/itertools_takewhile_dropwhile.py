import itertools as it
data = [1, 4, 6, 4, 1, 8]
print(list(it.takewhile(lambda x: x < 5, data)), list(it.dropwhile(lambda x: x < 5, data)))
print(list(it.takewhile(bool, [1, 1, 0, 1])), list(it.dropwhile(bool, [1, 1, 0, 1])))
print(list(it.filterfalse(None, [0, 1, "", "x"])), list(it.compress(range(6), it.cycle([1, 0]))))
print(list(it.starmap(lambda a, b: a * b, zip(range(4), range(4)))))
print(list(it.zip_longest(range(3), "ab", [True], fillvalue=None)))
print(list(it.pairwise(range(5))), list(it.pairwise([])))
