for n in [0, 7, -7, 255, 10 ** 18, -(10 ** 25), 2 ** 64 - 1]:
    print(n, str(n), repr(n), hex(n), oct(n), bin(n)[:20], f"{n:,}")
for s, base in [("ff", 16), ("FF", 16), ("0xff", 0), ("0o17", 0), ("0b11", 0), ("zz", 36), ("-10", 2), ("  12  ", 10), ("1_2_3", 0)]:
    print(s, base, int(s, base))
for bad in [("12", 2), ("0x", 16), ("", 10), ("08", 0), ("1 2", 10)]:
    try:
        int(*bad)
    except ValueError as e:
        print(e)
print(int("9" * 50) + 1)
print(str(-0), int("-0"), int("+5"), int("00"), int("0_0"))
