for f in [0.0, -0.0, 1.0, 0.1, 1 / 3, 2 / 3, 1e22, 1e23, 1e-5, 1.5e-10, 123456.789, 1e16, 9.999999999999999e15, 2.5, 1e300 * 10]:
    print(repr(f), str(f), "%g" % f if f == f else "nan", "%.3e" % f, f"{f:.6}")
for s in ["1", "1.", ".5", "1e5", "1E-5", "-inf", "+Infinity", "nan", "  3.25  ", "1_000.5", "0x10" if False else "16"]:
    print(s, float(s))
for bad in ["", "1e", "e5", "1.2.3", "--1", "in f", "1_"]:
    try:
        float(bad)
    except ValueError as e:
        print(e)
print(float("0.1") + float("0.2"), 0.1 + 0.2 == 0.30000000000000004)
print(1e-320, 5e-324 / 2, 2.2250738585072014e-308, 1.7976931348623157e308 * 1.0000000000000002)
