def m(v):
    match v:
        case [*all_items] if len(all_items) > 4:
            return ("long", all_items)
        case [a, *_, b]:
            return ("ends", a, b)
        case [*_]:
            return ("short",)
print(m([1, 2, 3, 4, 5]), m([1, 2, 3]), m([1]), m(()))
match "not a sequence":
    case [*x]:
        print("str matched?!")
    case _:
        print("str is not a sequence pattern")
match {"a": 1, "b": 2}:
    case {"a": 1, **rest}:
        print(rest)
import itertools
match iter([1, 2]):
    case [a, b]:
        print("iterator matched?!")
    case _:
        print("iterator is not a sequence")
match bytearray(b"ab"):
    case [x, y]:
        print("bytearray matched?!")
    case _:
        print("bytearray not a sequence")
