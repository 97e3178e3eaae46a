for s in ["a", "abc", "abcdef"]:
    print(repr(s.center(5)), repr(s.center(6, "*")), repr(s.ljust(5, ".")), repr(s.rjust(5, "0")), repr(s.zfill(5)))
print("+12".zfill(6), "-0.5".zfill(7), "".zfill(3), "abc".zfill(2))
print(repr("\t a b \n".strip()), repr("xxhixx".lstrip("x")), repr("xxhixx".rstrip("x")), repr("abcba".strip("ab")))
print(repr("  spaced  ".strip(None)), repr("\u3000wide\u3000".strip()))
print("a\tbc\td".expandtabs(), "a\tbc\td".expandtabs(2), "12\t3".expandtabs(0))
try:
    "x".center(5, "ab")
except TypeError as e:
    print(e)
