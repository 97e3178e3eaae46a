def kind(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(i) if i < 0:
            return f"negative int {i}"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case str(s) if not s:
            return "empty str"
        case str(s):
            return f"str {s}"
        case bytes(b):
            return f"bytes {b!r}"
        case list([]):
            return "empty list"
        case list([x]):
            return f"singleton {x}"
        case tuple((a, b)):
            return f"pair {a} {b}"
        case dict({"k": v}):
            return f"dict with k={v}"
        case set() | frozenset():
            return f"set of {len(v)}"
        case None:
            return "None"
        case _:
            return f"other {type(v).__name__}"
for v in [True, -3, 7, 2.5, "", "hi", b"x", [], [9], (1, 2), {"k": 0}, {1, 2}, frozenset(), None, 1j, [1, 2]]:
    print(repr(v), "->", kind(v))
