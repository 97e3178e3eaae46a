for s in ["hello world", "HELLO", "Hello World", "hELLO wORLD", "123abc", "ǆemal", "o'neil's", "", "ÉCOLE"]:
    print(repr(s), s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold())
    print(" ", s.isupper(), s.islower(), s.istitle(), s.isalpha(), s.isalnum())
