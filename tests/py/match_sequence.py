def m(x):
    match x:
        case []:
            return "empty"
        case [0, *_]:
            return "starts with 0"
        case [*_, 9]:
            return "ends with 9"
        case [_, [a, b], _]:
            return f"nested {a} {b}"
        case [1, *mid, 1]:
            return f"framed {mid}"
        case (x, y, z):
            return f"triple {x}{y}{z}"
        case _:
            return "no match"
for v in [[], [0, 5], (3, 9), [7, [8, 9], 7], [1, 2, 3, 1], (4, 5, 6), "abc", [1, 2, 3, 4], range(3), b"ab"]:
    print(repr(v), m(v))
