def m(v):
    match v:
        case [x, y] if x == y:
            return ("same", x)
        case [x, y]:
            return ("diff", x, y)
        case {"a": x, **rest} if not rest:
            return ("only a", x)
        case {"a": x, **rest}:
            return ("a plus", x, sorted(rest))
        case str() as s if len(s) > 3:
            return ("long str", s)
        case str() as s:
            return ("short str", s)
        case (int() | float()) as num:
            return ("number", num)
    return ("nothing",)
for v in [[1, 1], [1, 2], {"a": 1}, {"a": 1, "b": 2}, "hello", "hi", 3, 2.5, None, [1, 2, 3]]:
    print(m(v))
match [1, [2, 3]]:
    case [a, [b, c]]:
        print(a + b + c)
match {"x": {"y": {"z": "deep"}}}:
    case {"x": {"y": {"z": found}}}:
        print(found)
