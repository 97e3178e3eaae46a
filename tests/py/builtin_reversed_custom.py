class Seq:
    def __len__(self): return 4
    def __getitem__(self, i):
        if i >= 4: raise IndexError
        return i * 10
print(list(reversed(Seq())))
class Rev:
    def __reversed__(self): return iter("cba")
print(list(reversed(Rev())))
print(list(reversed(range(5))), list(reversed((1, 2))), list(reversed({"a": 1, "b": 2})), list(reversed({"a": 1}.items())))
r = reversed([1, 2, 3])
print(next(r), list(r))
try:
    reversed({1, 2})
except TypeError as e:
    print(e)
try:
    reversed(5)
except TypeError as e:
    print(e)
