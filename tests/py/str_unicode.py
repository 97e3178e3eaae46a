s = "héllo wörld ☃ 日本"
print(len(s), s.upper(), s.title())
print([ord(c) for c in "aé☃"])
print(s.encode("utf-8"))
print(s.encode("utf-8").decode("utf-8") == s)
print("☃".encode("utf-16-le"), "é".encode("latin-1"))
try:
    "☃".encode("ascii")
except UnicodeEncodeError as e:
    print(e)
print("☃".encode("ascii", "replace"), "☃".encode("ascii", "ignore"), "é".encode("ascii", "backslashreplace"))
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print(e)
print(b"\xff".decode("utf-8", "replace"), b"a\xffb".decode("utf-8", "ignore"))
print(repr("\x00\x1f\x7f\u200b\U0001F600"), ascii("é☃"))
print(sorted("bäaz"), max("abcé"), "\N{GREEK SMALL LETTER ALPHA}")
print("straße".upper(), len("straße".upper()), "İ".lower(), len("İ".lower()))
print("😀"[0], len("😀"), "a😀b"[1:], "😀".encode())
