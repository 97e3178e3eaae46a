for s in ["plain", "tab\there", "new\nline", "quote'single", 'quote"double', "both'\"", "back\\slash",
          "\x00\x07\x1b", "\u00e9", "\u200b", "\U0001f600", "\x7f\x80\x9f\xa0", "\ud800" if False else "x"]:
    print(repr(s), ascii(s), len(s))
print("\101\x42\u0043\N{LATIN SMALL LETTER D}")
print(r"raw\n\t", len(r"\n"), b"\x41\102", rb"\x41")
print("""triple "quoted" 'string'""")
print('it''s' " concatenated")
print("\
continued")
