for v in [-5, 0, 5]:
    print("neg" if v < 0 else "zero" if v == 0 else "pos")
x = [1, 2] if True else []
print(x)
f = (lambda: "a") if False else (lambda: "b")
print(f())
print([("even" if i % 2 == 0 else "odd") for i in range(4)])
val = None
print(val if val is not None else "default")
def grade(s):
    if s >= 90:
        return "A"
    elif s >= 80:
        return "B"
    elif s >= 70:
        return "C"
    else:
        return "F"
print([grade(s) for s in [95, 85, 75, 10, 90, 80]])
if []:
    print("no")
elif {}:
    print("no")
elif 0.0:
    print("no")
else:
    print("all falsy")
