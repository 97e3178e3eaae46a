"""Write python3.11's answers for tests/unit/unicode into OUTDIR.

Usage: python3.11 gen_unicode_expected.py OUTDIR
  props.txt   run-length lines "start count fields...": every code point's
              category, bidirectional, combining, east_asian_width, mirrored,
              decimal, digit, repr(numeric), one-char str predicates, and the
              lower/upper/title/casefold of the one-char string (a single
              code point is written as a delta 'dN' so that runs form)
  names.txt   "cp name" for every named code point (unicodedata.name)
  decomp.txt  "cp decomposition" for every code point with one
  lookup.txt  "cp|name" lookups to check (sample, aliases, lower case, misses = -1)
  strings.txt "op in out": str methods and unicodedata.normalize/is_normalized
              over random and tricky strings (code points in hex, '.'-joined)
"""
import os, random, sys, unicodedata as ud

out = sys.argv[1]
N = 0x110000
rnd = random.Random(1234)


def hexs(s):
    return ".".join("%x" % ord(c) for c in s) or "-"


def mapping(cp, s):
    return "d%d" % (ord(s) - cp) if len(s) == 1 else "m" + hexs(s)


def preds(c):
    bits = [c.isalpha(), c.isdecimal(), c.isdigit(), c.isnumeric(), c.isalnum(), c.isspace(),
            c.isprintable(), c.islower(), c.isupper(), c.istitle(),
            (c + "a").title()[-1] == "a",                       # cased
            c.isidentifier(), ("a" + c).isidentifier(),
            len(("a" + c + "b").splitlines()) == 2]
    return "".join("1" if b else "0" for b in bits)


def ignorable(c):
    cased = (c + "a").title()[-1] == "a"
    if cased:
        return ("1" + c + "\u03a3").lower()[-1] == "\u03c3"
    return ("A" + c + "\u03a3").lower()[-1] == "\u03c2"


with open(os.path.join(out, "props.txt"), "w") as f:
    prev, start, count = None, 0, 0
    for cp in range(N + 1):
        if cp < N:
            c = chr(cp)
            num = ud.numeric(c, None)
            fields = (ud.category(c), ud.bidirectional(c) or "-", ud.combining(c),
                      ud.east_asian_width(c), ud.mirrored(c), ud.decimal(c, -1), ud.digit(c, -1),
                      repr(num) if num is not None else "-", preds(c) + ("1" if ignorable(c) else "0"),
                      mapping(cp, c.lower()), mapping(cp, c.upper()), mapping(cp, c.title()),
                      mapping(cp, c.casefold()))
        else:
            fields = None
        if fields == prev:
            count += 1
            continue
        if prev is not None:
            f.write("%d %d %s\n" % (start, count, " ".join(map(str, prev))))
        prev, start, count = fields, cp, 1

names = []
with open(os.path.join(out, "names.txt"), "w") as f:
    for cp in range(N):
        n = ud.name(chr(cp), None)
        if n:
            names.append((cp, n))
            f.write("%d %s\n" % (cp, n))
with open(os.path.join(out, "decomp.txt"), "w") as f:
    for cp in range(N):
        d = ud.decomposition(chr(cp))
        if d:
            f.write("%d %s\n" % (cp, d))

with open(os.path.join(out, "lookup.txt"), "w") as f:
    def look(name):
        try:
            r = ud.lookup(name)
            v = str(ord(r)) if len(r) == 1 else "s" + hexs(r)   # named sequence
        except KeyError:
            v = "-1"
        f.write("%s|%s\n" % (v, name))
    sample = rnd.sample(names, 4000)
    for cp, n in sample:
        look(n)
    for cp, n in rnd.sample(names, 300):
        look(n.lower())
        look(n + "X")
        look(n[:-1])
        look(n.replace(" ", "-", 1))
        look(n.replace(" ", "  ", 1))
    for cp, n in names:
        if n.startswith("HANGUL SYLLABLE") and rnd.random() < 0.05:
            look(n)
        if "IDEOGRAPH" in n and rnd.random() < 0.002:
            look(n)
    seqs = "/usr/share/perl/5.36.0/unicore/NamedSequences.txt"   # Unicode 14 data, if present
    for line in open(seqs, encoding="utf-8") if os.path.exists(seqs) else []:
        if ";" in line and not line.startswith("#"):
            look(line.split(";")[0])
    for extra in ["CJK UNIFIED IDEOGRAPH-04E00", "CJK UNIFIED IDEOGRAPH-4e00", "cjk unified ideograph-4e00",
                  "CJK UNIFIED IDEOGRAPH-9FFF", "CJK UNIFIED IDEOGRAPH-A000", "CJK UNIFIED IDEOGRAPH-2A6DF",
                  "HANGUL SYLLABLE", "HANGUL SYLLABLE GA", "hangul syllable gag", "HANGUL SYLLABLE XX",
                  "LATIN CAPITAL LETTER GHA", "latin capital letter gha", "NUL", "BYTE ORDER MARK",
                  "", " ", "A", "LATIN SMALL LETTER A ", "TIBETAN MARK TSA -PHRU", "TIBETAN MARK BKA- SHOG YIG MGO",
                  "KHITAN SMALL SCRIPT CHARACTER-18B00", "CJK COMPATIBILITY IDEOGRAPH-F900",
                  "CJK COMPATIBILITY IDEOGRAPH-F8FF", "LINE FEED", "LF", "CJK UNIFIED IDEOGRAPH-004E00",
                  "CJK UNIFIED IDEOGRAPH-0041", "CJK UNIFIED IDEOGRAPH-02A6DF", "CJK UNIFIED IDEOGRAPH-03400",
                  "KEYCAP DIGIT ZERO", "keycap digit zero", "KEYCAP DIGIT ZER", "TAMIL SYLLABLE SSI",
                  "Hangul Syllable GA", "HANGUL SYLLABLE gA", "HANGUL SYLLABLE GAGG", "HANGUL SYLLABLE GGAGG"]:
        look(extra)

# ---- strings for case mapping and normalization
pool_case = ("aAzZ \u03a3\u03c3\u03c2\u0391\u03b1'\u00ad\u0345\u02b0.1\u0130\u0131\u00df\u1e9e\ufb00\u01c5\u01c4\u01c6"
             "\u0300\u0301\u200d\u2160\u24b6\u1f88\u1f80\u0149\u0587\u10a0\u13a0\uab70\U00010400\U0001e900_-")
comb = [cp for cp in range(0x300, 0x370)] + [0x1dc0, 0x20d0, 0x302a, 0x0591, 0x05b0, 0x0f71, 0x0f72, 0x0f80,
                                             0x1d165, 0x1d16e, 0x0b3e, 0x0b56, 0x0b57, 0x0cd5, 0x0cc2, 0x0dcf]
decomposable = [cp for cp in range(N) if ud.decomposition(chr(cp))]
hangul = [0x1100, 0x1101, 0x1112, 0x1161, 0x1175, 0x11a7, 0x11a8, 0x11c2, 0x11c3, 0xac00, 0xac01, 0xd7a3, 0xac1c]


def rand_case_str():
    n = rnd.choice([1, 2, 3, 5, 10, 30])
    s = []
    for _ in range(n):
        r = rnd.random()
        if r < 0.6:
            s.append(rnd.choice(pool_case))
        elif r < 0.8:
            s.append(chr(rnd.randrange(0x2000)))
        else:
            s.append(chr(rnd.randrange(N)))
    return "".join(s)


def rand_norm_str():
    n = rnd.choice([1, 2, 3, 4, 6, 10, 20])
    s = []
    for _ in range(n):
        r = rnd.random()
        if r < 0.3:
            s.append(chr(rnd.choice(comb)))
        elif r < 0.55:
            s.append(chr(rnd.choice(decomposable)))
        elif r < 0.7:
            s.append(chr(rnd.choice(hangul)))
        elif r < 0.8:
            s.append(rnd.choice("aeiouAEOUcCnNsS\u03b1\u03c9\u0391\u0399"))
        elif r < 0.9:
            s.append(chr(rnd.randrange(0x3000)))
        else:
            s.append(chr(rnd.randrange(N)))
    return "".join(s)


with open(os.path.join(out, "strings.txt"), "w") as f:
    for i in range(4000):
        s = rand_case_str()
        for op in ("lower", "upper", "title", "casefold", "capitalize", "swapcase"):
            f.write("%s %s %s\n" % (op, hexs(s), hexs(getattr(s, op)())))
        for op in ("islower", "isupper", "istitle", "isidentifier"):
            f.write("%s %s %d\n" % (op, hexs(s), getattr(s, op)()))
    tricky = [chr(c) for c in decomposable] + [chr(c) for c in comb] + [
        "\u1100\u1161\u11a8", "\uac00\u11a8", "\uac01\u11a8", "a\u0301\u0316", "a\u0316\u0301",
        "\u0b47\u0b3e", "\u0b47\u0300\u0b3e", "e\u0304\u0301", "\u0344", "\u0f73", "\u0f75", "\u0f81",
        "\u1e0b\u0323", "q\u0307\u0323", "\u212b", "\u2126", "\ufb2c", "\u0958", "\U0001d15e",
        "\u1100\u1161\u0300\u11a8", "\u00c5\u0301", "A\u030a\u0301", "\u1fc1", "\uff76\uff9e"]
    cases = tricky + [rand_norm_str() for _ in range(6000)]
    for s in cases:
        for form in ("NFC", "NFD", "NFKC", "NFKD"):
            f.write("%s %s %s\n" % (form, hexs(s), hexs(ud.normalize(form, s))))
            f.write("is%s %s %d\n" % (form, hexs(s), ud.is_normalized(form, s)))
        t = ud.normalize("NFD", s)   # normalized inputs exercise the 'yes' paths
        for form in ("NFC", "NFKC"):
            f.write("is%s %s %d\n" % (form, hexs(t), ud.is_normalized(form, t)))
