s = "the cat sat on the mat with the hat"
for sub in ["the", "at", "xyz", "", "hat"]:
    print(repr(sub), s.find(sub), s.rfind(sub), s.count(sub), s.find(sub, 5), s.find(sub, 5, 20), s.rfind(sub, 0, 20))
print(s.index("cat"), s.rindex("the"), s.startswith("the", 0), s.startswith(("a", "t")), s.endswith("hat", 0, 35))
try:
    s.rindex("zzz")
except ValueError as e:
    print(e)
print("aaaa".count("aa"), "aaaa".replace("aa", "b"), "abc".replace("", "-"), "abc".replace("b", ""))
print("a-b-c".replace("-", "+", 1), "x".replace("x", "yy", 0), "ab" * 3)
print("%d items" % s.count(" "), s.split(" ", 3), s.rsplit(" ", 3))
