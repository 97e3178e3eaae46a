if (n := len("hello")) > 3:
    print("long", n)
data = [1, 2, 3, 4, 5, 6]
print([y for x in data if (y := x * x) % 2 == 0])
print(y)
it = iter(range(5))
out = []
while (v := next(it, None)) is not None:
    out.append(v)
print(out)
def f():
    if (a := 10) and (b := a + 1):
        return a, b
print(f())
print((z := 5) + z)
vals = [(k := i) for i in range(3)]
print(k)
