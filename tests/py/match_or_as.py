def m(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return "going " + direction
        case ["take" | "grab", item]:
            return "taking " + item
        case ["drop", *items] if items:
            return "dropping " + ",".join(items)
        case ["quit" | "exit"]:
            return "bye"
        case [("look" | "l")]:
            return "looking"
        case _:
            return "unknown: " + cmd
for c in ["go north", "go up", "take lamp", "grab key", "drop a b c", "drop", "quit", "l", "look", ""]:
    print(m(c))
def n(v):
    match v:
        case (1 | 2) as small, (3 | 4) as big:
            return small, big
        case [int() | float() as num, *_]:
            return "num", num
    return None
print(n((2, 3)), n([1.5, "x"]), n(["x"]))
