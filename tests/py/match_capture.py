def m(x):
    match x:
        case [a]:
            return f"one item {a}"
        case [a, b]:
            return f"pair {a},{b}"
        case [first, *rest]:
            return f"first={first} rest={rest}"
        case other:
            return f"captured {other!r}"
for v in [[1], (2, 3), [4, 5, 6, 7], [], "ab", 5]:
    print(m(v))
match 42:
    case n if n > 40:
        print("guard big", n)
    case n:
        print("small", n)
print(n)
match (1, 2):
    case (x, y) as whole:
        print(x, y, whole)
