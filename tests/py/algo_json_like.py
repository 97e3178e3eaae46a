def dumps(o, indent=0):
    pad = "  " * indent
    if o is None: return "null"
    if o is True: return "true"
    if o is False: return "false"
    if isinstance(o, (int, float)): return repr(o)
    if isinstance(o, str):
        return '"' + o.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if isinstance(o, (list, tuple)):
        if not o: return "[]"
        return "[\n" + ",\n".join(pad + "  " + dumps(x, indent + 1) for x in o) + "\n" + pad + "]"
    if isinstance(o, dict):
        if not o: return "{}"
        items = sorted(o.items())
        return "{\n" + ",\n".join(f'{pad}  {dumps(str(k))}: {dumps(v, indent + 1)}' for k, v in items) + "\n" + pad + "}"
    raise TypeError(f"Object of type {type(o).__name__} is not serializable")
def loads(s):
    pos = [0]
    def ws():
        while pos[0] < len(s) and s[pos[0]] in " \n\t": pos[0] += 1
    def val():
        ws()
        c = s[pos[0]]
        if c == "{":
            pos[0] += 1; out = {}
            ws()
            if s[pos[0]] == "}": pos[0] += 1; return out
            while True:
                k = val(); ws(); pos[0] += 1; out[k] = val(); ws()
                if s[pos[0]] == ",": pos[0] += 1; continue
                pos[0] += 1; return out
        if c == "[":
            pos[0] += 1; out = []
            ws()
            if s[pos[0]] == "]": pos[0] += 1; return out
            while True:
                out.append(val()); ws()
                if s[pos[0]] == ",": pos[0] += 1; continue
                pos[0] += 1; return out
        if c == '"':
            j = pos[0] + 1; buf = []
            while s[j] != '"':
                if s[j] == "\\":
                    j += 1; buf.append({"n": "\n"}.get(s[j], s[j]))
                else:
                    buf.append(s[j])
                j += 1
            pos[0] = j + 1; return "".join(buf)
        for lit, v in (("null", None), ("true", True), ("false", False)):
            if s.startswith(lit, pos[0]): pos[0] += len(lit); return v
        j = pos[0]
        while j < len(s) and s[j] in "+-0123456789.eE": j += 1
        t = s[pos[0]:j]; pos[0] = j
        return float(t) if any(ch in t for ch in ".eE") else int(t)
    return val()
doc = {"name": "weft", "version": [3, 11], "nested": {"ok": True, "none": None, "pi": 3.25, "q": 'say "hi"\n'}, "empty": [], "e2": {}}
text = dumps(doc)
print(text)
print(loads(text) == doc)
try:
    dumps({"s": {1, 2}})
except TypeError as e:
    print(e)
