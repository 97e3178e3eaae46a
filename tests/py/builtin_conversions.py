print(int("42"), int("-0x1f", 16), int("0b101", 0), int("z", 36), int(" 7 "), int("1_000"), int(3.99), int(-3.99))
print(float("1.5"), float(" -2e3 "), float("inf"), float("-nan"), float(7), float("1_0.5"))
print(str(12), str(1.0), str(None), str(b"x"), str([1, "a"]))
print(bool(""), bool("0"), bool([]), bool(0j), complex(1, 2), complex("3+4j"), complex(2))
print(list("abc"), tuple([1, 2]), set("aab") == {"a", "b"}, dict([("a", 1)]), frozenset([1]) == {1})
print(bin(10), oct(10), hex(255), bin(-5), hex(-255), oct(0))
print(chr(65), ord("A"), ord("€"), chr(8364))
print(bytes(3), bytes([65, 66]), bytes("hé", "utf-8"), bytearray(b"ab"), list(b"ab"))
print(abs(-5), abs(-2.5), abs(3 + 4j), abs(True))
for bad in ["", "1.5", "abc", "0x", "1__0"]:
    try:
        int(bad)
    except ValueError as e:
        print(e)
try:
    int("10", 1)
except ValueError as e:
    print(e)
try:
    float("x1")
except ValueError as e:
    print(e)
try:
    ord("ab")
except TypeError as e:
    print(e)
try:
    int(float("inf"))
except OverflowError as e:
    print(e)
try:
    int(float("nan"))
except ValueError as e:
    print(e)
print(int(True), int(b"12"), float(b"1.5"), int("٣"), float("  ٣.٥ "))
