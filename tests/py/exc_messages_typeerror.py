def t(f):
    try:
        f()
    except TypeError as e:
        print(e)
t(lambda: 1 + "a")
t(lambda: "a" + 1)
t(lambda: [] + ())
t(lambda: 1 < "a")
t(lambda: [] < {})
t(lambda: -"a")
t(lambda: ~1.5)
t(lambda: len(5))
t(lambda: hash([]))
t(lambda: {[]: 1})
sabc = "abc"
t(lambda: sabc[1.0])
lst1 = [1]
t(lambda: lst1[None])
t(lambda: int([]))
t(lambda: iter(1))
five = 5
t(lambda: five[0])
nothing = None
t(lambda: nothing())
t(lambda: sum(["a"]))
t(lambda: "x" % (1, 2))
t(lambda: abs("s"))
t(lambda: sorted([1, "a"]))
t(lambda: "a".join([1]))
t(lambda: object() < object())
t(lambda: 1 @ 2)
t(lambda: divmod("a", 1))
