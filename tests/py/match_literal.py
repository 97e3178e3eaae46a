def m(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case "hello":
            return "greeting"
        case b"bytes":
            return "bytes"
        case None:
            return "none"
        case True:
            return "true"
        case False:
            return "false"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case 2+3j:
            return "complex"
        case _:
            return "other"
for v in [0, 1, 3, "hello", b"bytes", None, True, False, -1, 1.5, 2+3j, 99, 1.0, 0.0]:
    print(repr(v), m(v))
