exprs = ["1 + 1", "'a' * 3", "[1, 2][-1]", "{'k': 2}['k']", "(1, 2) + (3,)", "abs(-5)", "2 ** 10",
         "not True", "1 < 2 < 3", "'x' if 0 else 'y'", "[i for i in range(3)]", "{i % 2 for i in range(5)}",
         "len('four')", "max(3, 9, 2)", "sorted('cba')", "3 // 2, 3 / 2", "None", "...", "b'ab' + b'c'",
         "0x10 + 0o10 + 0b10", "1e3", "-(-3)", "~5", "5 & 3 | 8", "[*range(2), *'ab']"]
for e in exprs:
    print(e, "=>", repr(eval(e)))
