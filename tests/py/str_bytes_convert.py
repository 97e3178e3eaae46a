s = "Grüße, 世界"
for enc in ["utf-8", "utf-16", "utf-16-be", "utf-32-le", "latin-1"]:
    try:
        b = s.encode(enc)
        print(enc, len(b), b[:12], b.decode(enc) == s)
    except UnicodeEncodeError as e:
        print(enc, "UnicodeEncodeError", e.start, e.end, e.reason)
print(s.encode("ascii", "xmlcharrefreplace"), s.encode("ascii", "backslashreplace"))
print(bytes(s, "utf-8") == s.encode(), str(s.encode(), "utf-8") == s)
print(b"caf\xc3\xa9".decode(), b"caf\xe9".decode("latin-1"), b"abc".decode("ascii"))
try:
    b"\xe9".decode("ascii")
except UnicodeDecodeError as e:
    print(e.reason, e.start, e.end)
try:
    "x".encode("no-such-codec")
except LookupError as e:
    print(e)
print(b"\xc3".decode("utf-8", "replace"), b"A\xffB".decode("utf-8", "backslashreplace"))
