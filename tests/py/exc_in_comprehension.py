try:
    [1 // x for x in [1, 0]]
except ZeroDivisionError as e:
    print("list comp", e)
try:
    {x: 1 / (x - 2) for x in range(5)}
except ZeroDivisionError as e:
    print("dict comp", e)
def safe(x):
    try:
        return 10 // x
    except ZeroDivisionError:
        return None
print([safe(x) for x in range(-2, 3)])
try:
    sum(int(s) for s in ["1", "2", "x"])
except ValueError as e:
    print(e)
try:
    sorted([3, 1, 2], key=lambda v: 1 / (v - 1))
except ZeroDivisionError as e:
    print("in key", e)
