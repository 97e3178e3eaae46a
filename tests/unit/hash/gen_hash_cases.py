"""Write expected hashes from python3.11 for tests/unit/hash.

Usage: PYTHONHASHSEED=<seed> python3.11 gen_hash_cases.py OUT [numeric]
Lines (all numbers decimal unless said):
  S kind hexcp,hexcp,... hash        str (kind = 1/2/4, PEP 393 canonical)
  B hexbytes hash                    bytes ('-' for empty)
  I sign hexdigit,... hash           int as 30-bit digits, least significant first
  F hexbits hash                     float by IEEE bits (no NaN)
  N id hexbits hash                  NaN float: object identity and bits
  C hexbits hexbits hash             complex (no NaN)
  T h1,h2,... hash                   tuple by element hashes ('-' for empty)
  Z h1,h2,... hash                   frozenset by element hashes
"""
import os, random, struct, sys

out_path = sys.argv[1]
numeric = len(sys.argv) > 2 and sys.argv[2] == "numeric"
rnd = random.Random(int(os.environ.get("PYTHONHASHSEED", "0")) * 7 + 11)
lines = []

def rand_str():
    n = rnd.choice([0, 1, 2, 3, 5, 7, 8, 9, 15, 16, 17, rnd.randrange(100), rnd.randrange(1000)])
    top = rnd.choice([0x80, 0x100, 0x800, 0x10000, 0x110000])
    cps = []
    for _ in range(n):
        c = rnd.randrange(top)
        if 0xD800 <= c < 0xE000 and rnd.random() < 0.5:
            c = 0x41
        cps.append(c)
    return "".join(map(chr, cps))

def kind(s):
    m = max(map(ord, s), default=0)
    return 1 if m < 0x100 else 2 if m < 0x10000 else 4

for i in range(3000):
    s = rand_str()
    lines.append("S %d %s %d" % (kind(s), ",".join("%x" % ord(c) for c in s) or "-", hash(s)))
for i in range(2000):
    n = rnd.choice([0, 1, 7, 8, 9, rnd.randrange(64), rnd.randrange(2000)])
    b = bytes(rnd.randrange(256) for _ in range(n))
    lines.append("B %s %d" % (b.hex() or "-", hash(b)))

def digits(n):
    n = abs(n)
    d = []
    while n:
        d.append(n & (2**30 - 1))
        n >>= 30
    return d

def add_int(v):
    sign = (v > 0) - (v < 0)
    lines.append("I %d %s %d" % (sign, ",".join("%x" % x for x in digits(v)) or "-", hash(v)))

def fbits(x):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]

if numeric:
    P = 2**61 - 1
    specials = [0, 1, -1, -2, 2, P - 1, P, P + 1, -P, -P - 1, 2**30 - 1, 2**30, 2**60, 2**61, 2**62,
                2**63 - 1, -2**63, 2**64, 2**1000, -(2**1000) + 1, 10**100]
    for v in specials:
        add_int(v)
    for i in range(3000):
        bits = rnd.choice([8, 30, 31, 60, 61, 62, 64, 100, 500, rnd.randrange(1, 20000)])
        v = rnd.getrandbits(bits)
        if rnd.random() < 0.5:
            v = -v
        add_int(v)
    floats = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, float("inf"), float("-inf"), 5e-324, -5e-324,
              1.7976931348623157e308, 2.0**61, 2.0**62, -2.0**63, 2.0**-1074, 3.14, 1e100, -1e-100]
    for i in range(3000):
        bits = rnd.getrandbits(64)
        x = struct.unpack("<d", struct.pack("<Q", bits))[0]
        if x != x:
            continue
        floats.append(x)
    for i in range(1000):  # integral values, equal to ints
        v = rnd.getrandbits(rnd.randrange(1, 1024))
        x = float(v) * rnd.choice([1, -1])
        floats.append(x)
        add_int(int(x))
    for x in floats:
        lines.append("F %s %d" % (fbits(x), hash(x)))
    keep = []
    for i in range(20):
        x = float("nan") if i % 2 else -float("nan")
        keep.append(x)
        lines.append("N %d %s %d" % (id(x), fbits(x), hash(x)))
    for i in range(1000):
        re, im = rnd.choice(floats), rnd.choice(floats)
        lines.append("C %s %s %d" % (fbits(re), fbits(im), hash(complex(re, im))))
    def rand_hashable():
        r = rnd.random()
        if r < 0.5:
            return rnd.randrange(-2**63, 2**63)
        if r < 0.8:
            return rand_str()
        return rnd.random() * 1e6
    for i in range(2000):
        n = rnd.choice([0, 1, 2, 3, rnd.randrange(50)])
        t = tuple(rand_hashable() for _ in range(n))
        if rnd.random() < 0.1 and t:
            t = t + (t,)
        lines.append("T %s %d" % (",".join(str(hash(x)) for x in t) or "-", hash(t)))
    for i in range(2000):
        n = rnd.choice([0, 1, 2, 3, rnd.randrange(50)])
        s = frozenset(rand_hashable() for _ in range(n))
        if rnd.random() < 0.1:
            s = s | {s}
        lines.append("Z %s %d" % (",".join(str(hash(x)) for x in s) or "-", hash(s)))

with open(out_path, "w") as f:
    f.write("\n".join(lines) + "\n")
