class Both:
    def __str__(self): return "STR"
    def __repr__(self): return "REPR"
    def __format__(self, spec): return f"FMT({spec})"
b = Both()
print(f"{b}", f"{b!s}", f"{b!r}", f"{b!a}", f"{b:xyz}", f"{b!s:>5}", f"{b!r:<6}|")
print(f"{'é'!a}", f"{'é'!r}", f"{'é'}", f"{None!r}", f"{1.0!s}")
print("{0!s} {0!r} {0!a} {0:spec}".format(b))
print(format(b), format(b, ""), str(b), repr(b))
