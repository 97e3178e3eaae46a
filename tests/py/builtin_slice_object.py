s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, repr(slice(None)), slice(3) == slice(None, 3))
print(s.indices(5), s.indices(20), slice(-3, None).indices(10), slice(None, None, -2).indices(7))
data = list(range(12))
print(data[s], data[slice(-3, None)], data[slice(None, None, -4)])
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print(e)
try:
    hash(slice(1, 2))
    print("slice hashable")
except TypeError as e:
    print(e)
print(slice(1, 2) < slice(1, 3), slice(1, 2) == slice(1, 2))
