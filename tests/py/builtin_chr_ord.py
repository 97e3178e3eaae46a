for c in "aZ09 ~\n\téß€😀":
    print(repr(c), ord(c), hex(ord(c)), chr(ord(c)) == c)
print(chr(0), repr(chr(127)), repr(chr(0x10FFFF)), chr(955))
for bad in [-1, 0x110000]:
    try:
        chr(bad)
    except ValueError as e:
        print(e)
for bad in ["", "ab"]:
    try:
        ord(bad)
    except TypeError as e:
        print(e)
try:
    chr("a")
except TypeError as e:
    print(e)
print(ord(b"a"), ord(bytearray(b"z")))
