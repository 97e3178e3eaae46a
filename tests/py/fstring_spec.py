vals = [0, 1, -1, 255, 3.5, -2.25, 1e10, 1.5e-7, 123456789]
specs = ["", ">8", "<8", "^8", "=+8", "08.2f", ".3e", ".3g", "g", "e", "%", ",.2f", "_.1f", "+.1f", " .2f"]
for v in vals:
    row = []
    for s in specs:
        try:
            row.append(format(v, s))
        except ValueError as e:
            row.append("E:" + str(e))
    print(v, "|".join(row))
ints = [0, 7, -7, 65, 1023]
for s in ["d", "x", "#X", "o", "#o", "b", "#b", "c", "n", "08b", "+d", ",d", "_x", "#010x"]:
    print(s, [format(i, s) if not (s == "c" and i < 0) else "neg" for i in ints])
print(format("text", "^12"), format("text", "x<7"), format("text", ".2"), format("long text", "10.4"))
for bad in [(1, "s"), ("a", "d"), (1.5, "d"), (1, ".2s"), ("s", "+")]:
    try:
        format(*bad)
    except ValueError as e:
        print("ValueError", e)
print(format(True, "d"), format(True, ""), format(None, ""), format(2 ** 70, ","))
print(format(float("inf"), "f"), format(float("-inf"), "e"), format(float("nan"), "+g"))
