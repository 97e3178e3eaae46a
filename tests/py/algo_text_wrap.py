TEXT = ("Weft is an implementation of the Python language written in C with no global "
        "interpreter lock; threads run truly in parallel while a precise garbage collector "
        "stops the world only at safepoints.")
def wrap(text, width):
    lines, cur = [], ""
    for w in text.split():
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = cur + " " + w if cur else w
    if cur:
        lines.append(cur)
    return lines
for width in (20, 35, 60):
    print(f"--- {width}")
    for line in wrap(TEXT, width):
        print(f"|{line:<{width}}|")
def justify(line, width):
    words = line.split()
    if len(words) == 1:
        return line.ljust(width)
    gaps = len(words) - 1
    spaces = width - sum(map(len, words))
    out = ""
    for i, w in enumerate(words[:-1]):
        out += w + " " * (spaces // gaps + (i < spaces % gaps))
    return out + words[-1]
for line in wrap(TEXT, 30):
    print("[" + justify(line, 30) + "]")
