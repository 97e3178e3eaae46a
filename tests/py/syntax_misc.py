x = 1; y = 2; z = 3
print(x, y, z)
if x: print("one-line if")
for i in range(2): print("one-line for", i)
while False: pass
class Empty: pass
def noop(): ...
print(Empty.__name__, noop())
a = b = c = 0
a += 1
print(a, b, c)
t = 1,
print(t, type(t).__name__)
(p) = 5
print(p)
s = ("implicit "
     "concatenation")
print(s)
long_expr = (1 +
             2 +
             3)
print(long_expr)
lst = [
    1,
    2,
]
print(lst)
print(0xFF, 0o77, 0b11, 1_000, 1e3, 1E-3, 1j, 0.5j, .5, 5.)
print(not None, -(-1), ~~5)
