s = "héllo"
print(list(s), [c for c in s if c in "aeioué"], "".join(reversed(s)), s[::-1])
for i, c in enumerate("abc"):
    print(i, c, ord(c))
print(sorted("banana"), sorted(set("banana")), max("banana"), "banana".count("a"))
print(list(zip("abc", "xyz")), dict(zip("abc", range(3))), list(map(ord, "AZ")))
it = iter("xy")
print(next(it), next(it), next(it, None))
print([s[i:i + 2] for i in range(0, len(s), 2)], len(s.encode()))
print(" ".join("abc"), "".join(c * 2 for c in "abc"), "".join(chr(ord(c) + 1) for c in "HAL"))
