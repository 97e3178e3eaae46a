print("{} {} {}".format(1, "a", [2]))
print("{0} {1} {0}".format("x", "y"))
print("{name} is {age}".format(name="Bob", age=30))
print("{0[1]} {1[k]} {2.real}".format([1, 2], {"k": "v"}, 3 + 4j))
print("{:>6}|{:<6}|{:^6}|".format("a", "b", "c"))
print("{:.3}".format(3.14159), "{:.3}".format("abcdef"))
print("{!r} {!s} {!a}".format("q", "q", "ü"))
print("{0:{1}}".format(5, "04"))
print("{:{}{}}".format("x", ">", 5))
print("{{}} {}".format("escaped"))
try:
    "{} {}".format(1)
except IndexError as e:
    print(e)
try:
    "{x}".format(y=1)
except KeyError as e:
    print(repr(e))
try:
    "{0} {}".format(1, 2)
except ValueError as e:
    print(e)
print("{:,}".format(10 ** 9), "{:e}".format(12345.678))
print("%s-%d-%05.1f-%x-%r-%%" % ("s", 42, 3.14159, 255, "r"))
print("%(a)s %(b)d" % {"a": "A", "b": 2})
print("%-5s|%5s|%c|%o|%e|%g" % ("l", "r", 65, 8, 1234.5, 0.00001))
print("%3d|%-3d|%+d|% d|%.2s" % (1, 2, 3, 4, "abc"))
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159))
