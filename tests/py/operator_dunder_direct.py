print((5).__add__(3), "ab".__add__("c"), [1].__add__([2]), (1,).__mul__(2))
print((5).__lt__(3), "a".__lt__("b"), (1).__eq__(1.0), (1.0).__eq__(1))
print([1, 2, 3].__getitem__(1), {"k": "v"}.__getitem__("k"), "abc".__contains__("b"), [1].__len__())
print((3).__truediv__(2), (3).__rtruediv__(2), (7).__divmod__(2), (2).__rpow__(3))
print((5).__add__("x"), "a".__mul__(3), "a".__rmul__(3))
l = [3, 1]
l.__setitem__(0, 9); l.__delitem__(1)
print(l, l.__iter__().__next__(), list.__len__(l))
print(int.__mul__(6, 7), float.__sub__(1.5, 0.5), str.__len__("four"), dict.__contains__({1: 1}, 1))
