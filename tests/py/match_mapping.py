def m(x):
    match x:
        case {"type": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {"type": "circle", "r": r, **rest}:
            return f"circle {r} extra={sorted(rest)}"
        case {"type": t}:
            return f"unknown type {t}"
        case {}:
            return "some mapping"
        case _:
            return "not a mapping"
for v in [{"type": "point", "x": 1, "y": 2, "z": 3}, {"type": "circle", "r": 5, "color": "red", "a": 1},
          {"type": "blob"}, {"other": 1}, {}, [1], "type"]:
    print(m(v))
match {1: "one", "k": [1, 2]}:
    case {1: "one", "k": [_, second]}:
        print("nested mapping", second)
