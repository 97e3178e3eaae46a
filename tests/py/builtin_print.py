import sys
print()
print(1, 2, 3)
print(1, 2, 3, sep="-")
print("a", "b", sep="", end="!\n")
print("no newline", end="")
print(" continued")
print(*range(5), sep=", ")
print("to stderr", file=sys.stderr)
print("x", "y", sep=None, end=None)
print(None, True, 1.5, [1, "a"], (1,), {"k": None}, {1}, sep=" | ")
print("flush", flush=True)
sys.stdout.write("written directly\n")
n = sys.stdout.write("abc\n")
print(n)
try:
    print("a", sep=5)
except TypeError as e:
    print(e)
try:
    print("a", end=[])
except TypeError as e:
    print(e)
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
w = W()
print("to", "object", file=w, sep="+")
print(w.parts)
print(file=None)
