# str.split with one-character separators (the memchr path) and longer ones, with
# maxsplit, Latin-1 and wider strings; rsplit alongside.
for s in ["a b c", " a  b ", "", "abc", "a,b,,c,", "é,x,é", "日本,語", ","]:
    for sep in [" ", ",", "é", ",,"]:
        print(repr(s), repr(sep), s.split(sep), s.split(sep, 1), s.split(sep, 0), s.rsplit(sep, 1))
