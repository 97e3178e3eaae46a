s = "abcdefghij"
print(s[2:7], s[:3], s[7:], s[-3:], s[:-3], s[::3], s[1::2], s[::-2], s[8:2:-2], s[-1:-4:-1])
print(s[100:], s[-100:3], s[5:2], s[::-1][:3])
l = list(range(10))
print(l[slice(2, 5)], l[slice(None, None, -3)])
sl = slice(1, 8, 3)
print(sl.start, sl.stop, sl.step, sl.indices(5), l[sl])
l[2:5] = []
print(l)
l[1:1] = ["x", "y"]
print(l)
try:
    l[::0]
except ValueError as e:
    print(e)
class Idx:
    def __index__(self): return 2
print(s[Idx()], s[Idx():], l[:Idx()])
print((1, 2, 3, 4)[1::2], b"abcdef"[::2], bytearray(b"xyz")[1:])
try:
    s["a":]
except TypeError as e:
    print(e)
