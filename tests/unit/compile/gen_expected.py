"""Expected (type, msg, lineno, offset) of each snippet in snippets.txt,
as python3.11's compile(src, 'x.py', 'exec') reports them."""
import sys

src = open(sys.argv[1], encoding="utf-8").read()
out = open(sys.argv[2], "w", encoding="utf-8")
for snip in src.split("===\n"):
    try:
        compile(snip, "x.py", "exec")
        out.write("OK\n")
    except SyntaxError as e:
        out.write(f"{type(e).__name__}|{e.msg}|{e.lineno}|{e.offset}\n")
out.close()
