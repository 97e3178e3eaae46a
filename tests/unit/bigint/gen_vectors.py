#!/usr/bin/python3.11
"""Generates test vectors for tests/unit/bigint from python3.11 itself.

Usage: gen_vectors.py OUT [SEED]

One vector per line, fields separated by '|':
    op|arg|arg|...|expected
Integers are signed hexadecimal ("-1f", "0"). Byte strings and text are hex
of the bytes. Doubles are the 16-hex-digit IEEE bit pattern. An expected
error is "!ExceptionName:message". The C++ side (test_bigint_vectors.cc)
parses the same format; the file is generated at build time into the build
directory (deterministic for a given seed).
"""
import math
import random
import struct
import sys

OUT = sys.argv[1]
SEED = int(sys.argv[2]) if len(sys.argv) > 2 else 20240611
rng = random.Random(SEED)
MAXD = 10000  # decimal digits
MASK = (1 << 30) - 1
sys.set_int_max_str_digits(0)
lines = []


def h(x):
    return format(x, "x")


def hb(b):
    return b.hex()


def dbits(d):
    return struct.pack(">d", d).hex()


def err(e):
    return "!%s:%s" % (type(e).__name__, e)


def emit(op, *fields):
    lines.append("|".join([op] + [str(f) for f in fields]))


def special_values():
    v = [0, 1, 2, 3, MASK, MASK + 1, MASK + 2, (1 << 60) - 1, 1 << 60, (1 << 60) + 1,
         (1 << 63) - 1, 1 << 63, (1 << 64) - 1, 1 << 64, (1 << 90) - 1, 1 << 90, 10**9, 10**18]
    for k in (29, 30, 31, 59, 61, 89, 120, 299, 300, 301, 1023, 1024, 1025, 3000, 9000):
        v += [1 << k, (1 << k) - 1, (1 << k) + 1]
    return v


SPECIAL = special_values()


def structured(bits):
    """Digit by digit from {0, MASK, 1, 2**29, random}: carry/borrow stress."""
    n = max(1, bits // 30)
    x = 0
    for _ in range(n):
        c = rng.random()
        d = 0 if c < 0.2 else MASK if c < 0.45 else 1 if c < 0.5 else 1 << 29 if c < 0.55 else rng.getrandbits(30)
        x = (x << 30) | d
    return x


def rand_mag(maxd=MAXD):
    c = rng.random()
    if c < 0.12:
        return rng.choice(SPECIAL)
    if c < 0.55 or maxd <= 40:
        d = rng.randint(1, min(40, maxd))
    elif c < 0.85 or maxd <= 1500:
        d = rng.randint(40, min(1500, maxd))
    else:
        d = rng.randint(1500, maxd)
    bits = max(1, int(d * 3.3219))
    if rng.random() < 0.3:
        return structured(bits)
    return rng.getrandbits(bits) | (1 << (bits - 1))


def rand_int(maxd=MAXD):
    x = rand_mag(maxd)
    return -x if rng.random() < 0.5 else x


def run(f):
    try:
        return f(), None
    except Exception as e:  # noqa: BLE001 - every python error is a vector
        return None, e


def binop(op, f, n, maxd=MAXD, zero_b=0.03):
    for _ in range(n):
        a = rand_int(maxd)
        b = 0 if rng.random() < zero_b else rand_int(maxd)
        r, e = run(lambda: f(a, b))
        emit(op, h(a), h(b), err(e) if e else h(r))


def divpairs(n):
    """Dividend/divisor pairs that stress quotient estimation."""
    out = []
    for _ in range(n):
        c = rng.random()
        if c < 0.4:
            a, b = rand_int(), rand_int()
        elif c < 0.7:  # a = q b + r with chosen sizes
            b = rand_int(rng.choice([40, 300, 3000, 5000])) or 7
            q = rand_int(rng.choice([10, 300, 3000, 5000]))
            r = rng.randrange(abs(b)) if rng.random() < 0.7 else 0
            a = q * b + r
        elif c < 0.85:  # structured both
            bb = rng.randint(60, 20000)
            a, b = structured(bb + rng.randint(0, 20000)), structured(bb)
            a, b = a * rng.choice([1, -1]), (b or 1) * rng.choice([1, -1])
        else:  # divisor with top digits near the base
            nb = rng.randint(2, 400)
            b = ((MASK << (30 * (nb - 1))) | rng.getrandbits(30 * (nb - 1))) * rng.choice([1, -1])
            a = rand_int()
        out.append((a, b if rng.random() > 0.02 else 0))
    return out


def gen_arith():
    binop("add", lambda a, b: a + b, 700)
    binop("sub", lambda a, b: a - b, 700)
    binop("mul", lambda a, b: a * b, 700)
    for a in SPECIAL[:20]:
        emit("mul", h(a), h(a), h(a * a))
    for _ in range(100):  # squaring path
        a = rand_int()
        emit("mul", h(a), h(a), h(a * a))
    for op, f in (("floordiv", lambda a, b: a // b), ("mod", lambda a, b: a % b)):
        for a, b in divpairs(600):
            r, e = run(lambda: f(a, b))
            emit(op, h(a), h(b), err(e) if e else h(r))
    for a, b in divpairs(600):
        r, e = run(lambda: divmod(a, b))
        emit("divmod", h(a), h(b), err(e) if e else h(r[0]) + "," + h(r[1]))


def gen_pow():
    for _ in range(250):
        a = rand_int(rng.choice([3, 20, 200, 2000]))
        if rng.random() < 0.1:
            a = rng.choice([0, 1, -1, 2, -2, 1 << 30])
        bits = max(1, abs(a).bit_length())
        emax = max(1, int(MAXD * 3.32 / bits))
        e = rng.randint(0, min(emax, 20000))
        emit("pow", h(a), h(e), h(a ** e))
    for _ in range(350):
        c = rng.random()
        m = rand_int(rng.choice([5, 40, 300, 1000]))
        if c < 0.05:
            m = rng.choice([0, 1, -1])
        a = rand_int(rng.choice([5, 40, 300, 1500]))
        if c < 0.7:
            e = rand_mag(rng.choice([3, 30, 300, 1000]))
        elif c < 0.9:
            e = -rand_mag(rng.choice([3, 30, 300]))
        else:
            e = rng.choice([0, 1, 2, -1, -2])
        if rng.random() < 0.15:  # non-invertible: share a factor
            g = rng.choice([2, 3, 6, 10**20 + 39])
            a, m = a * g, (m or 1) * g
        r, ex = run(lambda: pow(a, e, m))
        emit("powmod", h(a), h(e), h(m), err(ex) if ex else h(r))
    for _ in range(6):  # big modulus, short exponent
        m = rand_int(MAXD) or 7
        a = rand_int(MAXD)
        e = rng.randint(1, 300)
        emit("powmod", h(a), h(e), h(m), h(pow(a, e, m)))


def gen_bits():
    for op, f in (("lshift", lambda a, n: a << n), ("rshift", lambda a, n: a >> n)):
        for _ in range(450):
            a = rand_int()
            n = rng.choice([0, 1, 29, 30, 31, 59, 60, 61]) if rng.random() < 0.3 else rng.randint(0, 3000)
            if op == "rshift" and rng.random() < 0.1:
                n = rng.randint(0, abs(a).bit_length() + 40)
            if rng.random() < 0.03:
                n = -rng.randint(1, 100)
            r, e = run(lambda: f(a, n))
            emit(op, h(a), n, err(e) if e else h(r))
    binop("and", lambda a, b: a & b, 450, zero_b=0.05)
    binop("or", lambda a, b: a | b, 450, zero_b=0.05)
    binop("xor", lambda a, b: a ^ b, 450, zero_b=0.05)
    for _ in range(250):
        a = rand_int()
        emit("invert", h(a), h(~a))
    for _ in range(250):
        a = rand_int()
        emit("bitlen", h(a), a.bit_length())
        emit("bitcount", h(a), a.bit_count())
    for _ in range(300):
        a, b = rand_int(3000), rand_int(3000)
        if rng.random() < 0.4:
            g = rand_int(rng.choice([5, 100, 1000]))
            a, b = a * g, b * g
        if rng.random() < 0.05:
            a = 0
        emit("gcd", h(a), h(b), h(math.gcd(a, b)))


def to_base(x, base):
    if x == 0:
        return "0"
    digs = "0123456789abcdefghijklmnopqrstuvwxyz"
    neg, x = x < 0, abs(x)
    # chunked: base**k per divmod, padded
    k = 1
    while base ** (k + 1) < 1 << 60:
        k += 1
    bk = base ** k
    chunks = []
    while x:
        x, r = divmod(x, bk)
        s = ""
        for _ in range(k):
            r, d = divmod(r, base)
            s = digs[d] + s
        chunks.append(s)
    s = "".join(reversed(chunks)).lstrip("0")
    return "-" + s if neg else s


def gen_str():
    for _ in range(500):
        a = rand_int(rng.choice([20, 300, 3000, MAXD]))
        base = rng.choice([10, 10, 10, 2, 8, 16, 3, 7, 36, 32, 12, 4, 5, 31])
        emit("tostr", h(a), base, 0, hb(to_base(a, base).encode()))
    for limit in (640, 4300, 5000):
        sys.set_int_max_str_digits(limit)
        for d in (limit - 1, limit, limit + 1, limit + 30, limit + 40, limit * 2, limit * 3):
            for sign in (1, -1):
                for a in (10 ** (d - 1), 10 ** d - 1, rng.randrange(10 ** (d - 1), 10 ** d)):
                    a *= sign
                    r, e = run(lambda: str(a))
                    emit("tostr", h(a), 10, limit, err(e) if e else hb(r.encode()))
        sys.set_int_max_str_digits(0)
    # from string: valid spellings
    for _ in range(500):
        a = rand_int(rng.choice([20, 300, 3000, MAXD]))
        base = rng.choice([10, 10, 0, 2, 8, 16, 3, 7, 36, 32, 12, 0])
        b = base or rng.choice([2, 8, 10, 16])
        s = to_base(abs(a), b)
        if base == 0 or (b in (2, 8, 16) and rng.random() < 0.3):
            s = {2: "0b", 8: "0o", 16: "0x", 10: ""}[b] + s
        if rng.random() < 0.3 and len(s) > 2:
            s = "".join(c + ("_" if rng.random() < 0.2 and c.isalnum() and i + 1 < len(s) else "")
                        for i, c in enumerate(s))
        if rng.random() < 0.3:
            s = s.upper()
        s = ("-" if a < 0 else rng.choice(["", "+"])) + s
        s = rng.choice(["", " ", "\t\n "]) + s + rng.choice(["", " ", "\r\n\x0b\x0c"])
        r, e = run(lambda: int(s, base))
        emit("fromstr", hb(s.encode()), base, 0, err(e) if e else h(r))
    # malformed and edge spellings
    edge = ["", " ", "+", "-", "_", "_1", "1_", "1__0", "1_0", "0x", "0x_", "0x_1f", "0_x1", "0b",
            "0b2", "0o8", "0o7_7", "010", "00", "0_0", "00_0", "0_1", "+-1", "- 1", "1 2", "12z",
            "0X1F", "0B101", "0O17", "1\x1c", "\x0b1\x0c", "9" * 30, "z" * 20, "Z" * 20, "0b1_",
            "0x1g"]  # non-ASCII digits/spaces are mapped to ASCII by the str side
    for s in edge:
        for base in (0, 2, 8, 10, 16, 36, 1, 37, -1):
            r, e = run(lambda: int(s, base))
            emit("fromstr", hb(s.encode()), base, 0, err(e) if e else h(r))
    for limit in (640, 4300):
        sys.set_int_max_str_digits(limit)
        for s in ("1" * limit, "1" * (limit + 1), "0" * (limit + 5), "1_" * limit + "1",
                  "1" * (limit + 1) + "_", "1" * (limit + 1) + "x", "01" + "1" * limit,
                  "-" + "9" * (limit + 1), " " + "7" * (limit + 1) + " ", "f" * (limit * 3)):
            for base in (0, 10, 16, 36, 2):
                r, e = run(lambda: int(s, base))
                emit("fromstr", hb(s.encode()), base, limit, err(e) if e else h(r))
        sys.set_int_max_str_digits(0)


def gen_bytes():
    for _ in range(400):
        a = rand_int(rng.choice([3, 30, 300, 3000]))
        nbytes = (abs(a).bit_length() + 7) // 8
        ln = max(0, nbytes + rng.choice([-1, 0, 0, 1, 2, 5]))
        little, signed = rng.random() < 0.5, rng.random() < 0.5
        r, e = run(lambda: a.to_bytes(ln, "little" if little else "big", signed=signed))
        emit("tobytes", h(a), ln, int(little), int(signed), err(e) if e else hb(r))
    for a in (0, 127, 128, 255, 256, -1, -127, -128, -129, -255, -256, -257, 2**63, -2**63, -2**63 - 1):
        for ln in (0, 1, 2, 8, 9):
            for signed in (0, 1):
                r, e = run(lambda: a.to_bytes(ln, "big", signed=bool(signed)))
                emit("tobytes", h(a), ln, 0, signed, err(e) if e else hb(r))
    for _ in range(400):
        ln = rng.choice([0, 1, 2, 3, 4, 7, 8, 15, 16, 29, 30, 31, 100, 1000, 4000])
        b = bytes(rng.choice([0, 255, rng.getrandbits(8)]) for _ in range(ln))
        little, signed = rng.random() < 0.5, rng.random() < 0.5
        emit("frombytes", hb(b), int(little), int(signed),
             h(int.from_bytes(b, "little" if little else "big", signed=signed)))


def gen_float():
    cases = [0, 1, 2**53 - 1, 2**53, 2**53 + 1, 2**54 + 2, 2**54 + 6, 2**63, 2**64 - 1, 2**64,
             2**1024 - 2**970, 2**1024 - 2**970 - 1, 2**1024 - 2**971, 2**1024, 2**1023, 10**308,
             10**309, (2**53 + 1) << 1000, ((2**53 + 1) << 1000) + 1]
    for _ in range(500):
        cases.append(rand_mag(rng.choice([20, 330, 400, 3000])))
    for _ in range(100):  # halfway-ish patterns
        k = rng.randint(54, 1020)
        cases.append((rng.getrandbits(53) | 1 << 52) << (k - 53) | (1 << (k - 54)) | rng.choice([0, 1]))
    for a in cases:
        for s in (1, -1):
            r, e = run(lambda: float(a * s))
            emit("todouble", h(a * s), err(e) if e else dbits(r))
    for _ in range(900):
        c = rng.random()
        if c < 0.5:
            a, b = rand_int(rng.choice([10, 30, 400, 2000])), rand_int(rng.choice([10, 30, 400, 2000]))
        elif c < 0.7:  # near overflow / underflow
            a = rand_int(rng.choice([300, 330]))
            b = rand_int(rng.choice([3, 10]))
            if rng.random() < 0.5:
                a, b = b, a
        elif c < 0.85:  # subnormal results
            a = rand_int(rng.choice([3, 20, 60]))
            b = rng.getrandbits(rng.randint(1000, 1140)) | 1
        else:  # exact halves
            a = (rng.getrandbits(54) | 1 << 53) | 1
            b = 1 << rng.randint(0, 1100)
            a *= rng.choice([1, -1])
        if rng.random() < 0.02:
            b = 0
        r, e = run(lambda: a / b)
        emit("truediv", h(a), h(b), err(e) if e else dbits(r))
    for x in (0.0, -0.0, 0.5, -0.9, 1.0, -1.5, 2.0**53, 1e300, -1e300, 2.0**1023 * 1.5, 123456789.75,
              float("inf"), float("-inf"), float("nan"), 5e-324, 2.0**64, -2.0**63):
        r, e = run(lambda: int(x))
        emit("fromdouble", dbits(x), err(e) if e else h(r))
    for a in (0, 1, -1, 2**63 - 1, -2**63, 2**63, -2**63 - 1, 2**64 - 1, 2**64, 2**90, -2**64):
        emit("int64", h(a), h(a) if -2**63 <= a < 2**63 else "!OverflowError:Python int too large to convert to C long")
        if a < 0:
            emit("uint64", h(a), "!OverflowError:can't convert negative value to unsigned int")
        else:
            emit("uint64", h(a), h(a) if a < 2**64 else "!OverflowError:Python int too large to convert to C unsigned long")


gen_arith()
gen_pow()
gen_bits()
gen_str()
gen_bytes()
gen_float()
with open(OUT, "w") as f:
    f.write("\n".join(lines) + "\n")
print("wrote %d vectors to %s" % (len(lines), OUT))
