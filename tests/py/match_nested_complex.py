def describe(cmd):
    match cmd:
        case {"op": "move", "to": {"x": int(x), "y": int(y)}} if x >= 0 and y >= 0:
            return f"move to ({x}, {y})"
        case {"op": "move", "to": _}:
            return "invalid move"
        case {"op": "say", "text": str(t)} | {"op": "shout", "text": str(t)}:
            return f"speak {t!r}"
        case {"op": "batch", "cmds": [*cmds]}:
            return "batch[" + "; ".join(describe(c) for c in cmds) + "]"
        case {"op": op}:
            return f"unknown op {op}"
        case [("add" | "sub") as op, int(a), int(b)]:
            return f"{op} -> {a + b if op == 'add' else a - b}"
        case _:
            return "garbage"
tests = [
    {"op": "move", "to": {"x": 1, "y": 2}},
    {"op": "move", "to": {"x": -1, "y": 2}},
    {"op": "say", "text": "hi"},
    {"op": "shout", "text": "HEY"},
    {"op": "batch", "cmds": [{"op": "say", "text": "a"}, {"op": "jump"}]},
    {"op": "fly"},
    ["add", 2, 3],
    ["sub", 2, 3],
    ["mul", 2, 3],
    42,
]
for t in tests:
    print(describe(t))
