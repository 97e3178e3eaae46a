# Item assignment and deletion on objects that do not support them: CPython's
# two wordings ("doesn't" on the sequence path, "does not" otherwise).
for t in ["del (1,2)[0]", "del 'ab'[0]", "x = 5\ndel x[0]", "del frozenset()[0]", "del (1,2)['a']", "del b'ab'[0]", "del range(3)[0]", "(1,2)[0] = 1", "'ab'[0] = 1", "x = 5\nx[0] = 1"]:
    try:
        exec(t)
    except Exception as e:
        print(type(e).__name__, e)
