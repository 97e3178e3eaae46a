tests = ["", "abc", "ABC", "Abc", "123", "12.5", "a1", " ", "\t\n", "Ⅷ", "²", "٣", "abc_def", "_x", "class", "Hello World", "hello World"]
for t in tests:
    print(repr(t), [m for m in ["isalpha", "isdigit", "isdecimal", "isnumeric", "isalnum", "isspace",
                                "isidentifier", "islower", "isupper", "istitle", "isprintable", "isascii"]
                    if getattr(t, m)()])
