b = b"hello world"
print(b[0], b[:5], b[::-1], len(b), b.upper(), b.split(), b.replace(b"l", b"L"), b.find(b"o"))
print(b + b"!", b * 2, b"ell" in b, 104 in b, b.startswith(b"he"), b.hex(), bytes.fromhex("6869"))
print(b.decode(), b"\x00\xff".hex(" "), list(b"abc"), bytes(range(5)), b"a,b".split(b","))
ba = bytearray(b"abc")
ba[0] = 65; ba.append(68); ba.extend(b"EF"); ba += b"!"
print(ba, len(ba), ba.pop(), ba)
del ba[0]
print(ba, bytes(ba), ba.decode())
print(b"%s-%d" % (b"x", 5), b"abc".center(7, b"*"), b" x ".strip(), b"x".join([b"a", b"b"]))
try:
    b[0] = 1
except TypeError as e:
    print(e)
try:
    bytes([256])
except ValueError as e:
    print(e)
try:
    b"a" + "b"
except TypeError as e:
    print(e)
print(repr(b"\n\t\\'\""), repr(bytearray(b"x")), b"abc" < b"abd", b"ABC".lower(), b"a1".isalnum())
print(bytes(3), bytearray(2), b"abc".count(b"b"), b"x=1".partition(b"="), b"abcabc".rindex(b"b"))
