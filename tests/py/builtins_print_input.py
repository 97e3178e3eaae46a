# print (sep, end, file, flush), input (prompt, EOF, stripping) and breakpoint
# through sys.stdin/sys.stdout/sys.breakpointhook replacements.
import sys

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!", type(e).__name__, e)
    else:
        print(label, "->", repr(r))

class Sink:
    def __init__(self):
        self.parts = []
        self.flushed = 0
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        self.flushed += 1

print()
print("a", "b", 3)
print("a", "b", sep="")
print("a", "b", sep=None, end=None)
print("x", end="")
print("y", end="|\n")
print(*range(5), sep=", ")
print(1, [2], {3: 4}, None, 2.5, "s", b"b")
s = Sink()
print("to", "sink", file=s, sep="-", end="!")
print("again", file=s, flush=True)
show("sink", lambda: (s.parts, s.flushed))
print("none file", file=None)
show("print sep bad", lambda: print("a", sep=1))
show("print end bad", lambda: print("a", end=b"x"))
show("print file bad", lambda: print("a", file=1))
show("print kw bad", lambda: print(x=1))
class Strange:
    def __str__(self):
        return "strange!"
print(Strange())
class BadStr:
    def __str__(self):
        raise ValueError("no str")
show("print bad str", lambda: print(BadStr(), file=Sink()))
show("print flush obj", lambda: print("f", file=s, flush=[]))
old = sys.stdout
sys.stdout = Sink()
print("captured", 1)
cap = sys.stdout
sys.stdout = old
show("captured", lambda: cap.parts)
sys.stdout = None
print("dropped")
sys.stdout = old

class Src:
    def __init__(self, lines):
        self.lines = list(lines)
    def readline(self):
        return self.lines.pop(0) if self.lines else ""
old_in = sys.stdin
sys.stdin = Src(["first\n", "second", "third\n"])
out = Sink()
old_out = sys.stdout
sys.stdout = out
a = input("prompt> ")
b = input()
c = input(42)
try:
    input()
    d = "no eof"
except EOFError as e:
    d = "EOFError: %s" % e
sys.stdout = old_out
sys.stdin = old_in
show("input", lambda: (a, b, c, d, out.parts))
class BadSrc:
    def readline(self):
        return 5
sys.stdin = BadSrc()
show("input bad", lambda: input())
sys.stdin = old_in
show("input args", lambda: input(1, 2))
calls = []
sys.breakpointhook = lambda *a, **k: calls.append((a, k)) or "hooked"
show("breakpoint", lambda: (breakpoint(1, x=2), calls))
del sys.breakpointhook
show("breakpoint lost", lambda: breakpoint())
