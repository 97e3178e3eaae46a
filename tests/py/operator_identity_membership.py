a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None is None, 1 in a, 3 not in a, "x" in {"x": 1}, 1 in {1: 2}, 2 in {1: 2})
print("" in "abc", "bc" in "abc", "cb" in "abc", b"a" in b"abc", 97 in b"abc")
class Contains:
    def __contains__(self, item):
        return item == "magic"
print("magic" in Contains(), "other" in Contains(), "magic" not in Contains())
class IterOnly:
    def __iter__(self):
        return iter([1, 2, 3])
print(2 in IterOnly(), 5 in IterOnly())
class GetItemOnly:
    def __getitem__(self, i):
        if i < 3:
            return i * 10
        raise IndexError
print(20 in GetItemOnly(), 25 in GetItemOnly())
try:
    1 in 5
except TypeError as e:
    print(e)
nan = float("nan")
print(nan in [nan], nan == nan, [nan] == [nan])
class Truthy:
    def __contains__(self, x): return 5
print(1 in Truthy())
