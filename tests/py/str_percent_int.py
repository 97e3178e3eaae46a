# printf-style int formatting: flags, width, precision, bases, big and bool values.
for f in ("%d", "%5d", "%-5d|", "%05d", "%x", "%X", "%#x", "%o", "%#o", "%+d", "% d", "%.3d", "%i", "%u"):
    print(f, [f % v for v in (0, 7, -7, 255, -255, 2**63 - 1, -2**63, 2**64, 2**70, True)])
print("%s=%d" % ("abc", 5), "%d%%" % 50, "%(a)d" % {"a": 3})
