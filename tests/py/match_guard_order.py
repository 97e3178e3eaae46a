calls = []
def check(tag, result):
    calls.append(tag)
    return result
def m(v):
    match v:
        case [x, y] if check("g1", x > y):
            return "desc"
        case [x, y] if check("g2", x == y):
            return "eq"
        case [x, y]:
            return "asc"
        case {"k": val} if check("g3", val):
            return "truthy k"
        case _:
            return "none"
print([m(v) for v in [[2, 1], [1, 1], [1, 2], {"k": 0}, {"k": 1}]])
print(calls)
x = "unchanged"
match [1, 2]:
    case [x, 3]:
        pass
    case _:
        pass
print(x)
