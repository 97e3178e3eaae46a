import itertools as it
print(list(it.accumulate([1, 2, 3, 4, 5], lambda a, b: a * b)))
print(list(it.accumulate(["a", "b", "c"])), list(it.accumulate([5, 1, 7, 2], min)))
print(list(it.accumulate(range(5), initial=-1)), list(it.accumulate([], initial=0)))
print(list(it.accumulate([[1], [2], [3]])))
balance = list(it.accumulate([100, -20, -30, 50], lambda bal, t: bal + t))
print(balance)
