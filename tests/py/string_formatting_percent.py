print("%s %s" % ("a", 1), "%r" % "q", "%a" % "é", "%d%%" % 50)
print("%5d|%-5d|%05d|%+d|% d|%x|%X|%#x|%o|%#o" % (42, 42, 42, 42, 42, 255, 255, 255, 8, 8))
print("%f|%.2f|%10.3f|%-10.1f|%e|%.2E|%g|%G" % (3.14159, 3.14159, 3.14159, 3.14159, 31415.9, 0.000314, 1e-5, 1e20))
print("%c|%c|%s|%s" % (65, "z", None, [1, 2]))
print("%(name)s is %(age)d, %(name)s!" % {"name": "Ann", "age": 30})
print("%*d|%-*s|%.*f" % (6, 7, 4, "ab", 1, 2.55))
print("%s" % (1,), "%s" % ((1, 2),), "%d" % True, "%i" % 3.9, "%x" % -255)
for fmt, args in [("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%z", 1), ("%(k)s", 5), ("%c", 1114112)]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(type(e).__name__, e)
