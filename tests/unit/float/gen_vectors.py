#!/usr/bin/python3.11
"""Expected vectors for tests/unit/float, computed by python3.11 itself.

Usage: gen_vectors.py OUTDIR [SCALE]
Writes (tab-separated, UTF-8, one case a line):
  repr.txt    bits(hex16) repr(x)                     random bit patterns,
                                   everyday magnitudes and random decimals
  hex.txt     bits x.hex()
  parse.txt   string  bits|ERR|OVF  (float(s); OVF: result is +-inf from a
                                      finite string)
  fromhex.txt string  bits|ERR|OVF
  format.txt  bits spec result|ERR:<ValueError text>
  pct.txt     bits code precision flags result  ('%' formatting bodies)
  round.txt   bits ndigits bits|OVF
SCALE (default 1.0) multiplies the case counts.  Seeded: output is
deterministic for a given python3.11.
"""
import math
import os
import random
import struct
import sys
from decimal import Decimal, getcontext

getcontext().prec = 2000
rng = random.Random(20240611)


def bits(x):
    return '%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]


def from_bits(b):
    return struct.unpack('<d', struct.pack('<Q', b))[0]


def rand_bits_double():
    while True:
        x = from_bits(rng.getrandbits(64))
        if math.isfinite(x):
            return x


def rand_decimal_double():
    nd = rng.randint(1, 17)
    digits = str(rng.randrange(10 ** (nd - 1), 10 ** nd))
    e = rng.randint(-330, 310)
    return float(digits + 'e' + str(e))


def special_doubles():
    out = [0.0, -0.0, 5e-324, -5e-324, 2.2250738585072014e-308,
           2.225073858507201e-308, 1.7976931348623157e308, 1e16, 1e15,
           9999999999999998.0, 1e-4, 1e-5, 0.1, 0.2, 0.3, 1 / 3, 2 / 3,
           123456789012345678.0, 1e22, 1e23, 9007199254740993.0, 2.0 ** 63]
    for k in range(-1074, 1024):
        out.append(math.ldexp(1.0, k))
    for k in range(-325, 309):
        try:
            out.append(float('1e%d' % k))
            out.append(float('9.999999999999999e%d' % k))
        except OverflowError:
            pass
    return out


def gen_repr(path, n):
    with open(path, 'w') as f:
        vals = special_doubles()
        for x in vals:
            f.write('%s\t%r\n' % (bits(x), x))
        for i in range(n - len(vals)):
            j = i % 10
            if j < 6:       # any bit pattern (subnormals included)
                x = rand_bits_double()
            elif j < 8:     # everyday magnitudes, 2^-80 .. 2^130
                x = math.ldexp(1.0 + rng.getrandbits(52) / 2.0 ** 52, rng.randint(-80, 130))
                x = -x if rng.random() < 0.5 else x
            else:           # shortest-looking decimals anywhere
                x = rand_decimal_double()
            f.write('%s\t%r\n' % (bits(x), x))


def gen_hex(path, n):
    with open(path, 'w') as f:
        for x in special_doubles() + [float('inf'), -float('inf'), float('nan')]:
            f.write('%s\t%s\n' % (bits(x), x.hex()))
        for _ in range(n):
            x = rand_bits_double()
            f.write('%s\t%s\n' % (bits(x), x.hex()))


def halfway_strings(x):
    """Exact decimal midpoints around x and strings just off them."""
    up = math.nextafter(x, math.inf)
    if not math.isfinite(up):
        return []
    mid = (Decimal(x) + Decimal(up)) / 2
    s = format(mid, 'f') if abs(mid) > Decimal('1e-30') and abs(mid) < Decimal('1e30') else format(mid, 'e')
    out = [s]
    m = format(mid, 'e')   # d.ddddde+NN exact
    mant, ex = m.split('e')
    out.append(mant + '0000001e' + ex)           # just above
    if mant.endswith('5'):
        out.append(mant[:-1] + '4' + '9' * 25 + 'e' + ex)  # just below
    if rng.random() < 0.1:   # the deciding digit beyond 800 significant ones
        out.append(mant + '0' * 900 + 'e' + ex)             # exact tie
        out.append(mant + '0' * 900 + '1e' + ex)            # above
        out.append(mant + '0' * 900 + '0_0' * 3 + 'e' + ex)
    return out


def rand_decimal_string():
    kind = rng.random()
    if kind < 0.35:   # 17-20+ digit mantissas anywhere in range
        nd = rng.randint(15, 26)
        digits = ''.join(rng.choice('0123456789') for _ in range(nd))
        e = rng.randint(-345, 320)
        pt = rng.randint(0, nd)
        s = digits[:pt] + '.' + digits[pt:] + 'e' + str(e)
    elif kind < 0.55:  # short decimals
        nd = rng.randint(1, 12)
        digits = ''.join(rng.choice('0123456789') for _ in range(nd))
        s = digits + 'e' + str(rng.randint(-30, 30))
    elif kind < 0.65:  # long strings
        nd = rng.randint(30, 900)
        digits = ''.join(rng.choice('0123456789') for _ in range(nd))
        s = '0.' + digits + 'e' + str(rng.randint(-330, 330))
    elif kind < 0.85:  # halfway cases
        x = rand_bits_double() if rng.random() < 0.5 else rand_decimal_double()
        hs = halfway_strings(abs(x))
        s = rng.choice(hs) if hs else '1.5'
    elif kind < 0.9:   # near the edges
        s = rng.choice(['2.4703282292062327e-324', '2.4703282292062328e-324',
                        '2.4703282292062326e-324', '4.9406564584124654e-324',
                        '1.7976931348623158e308', '1.7976931348623159e308',
                        '1.797693134862315807937289714053034150799e308',
                        '1.7976931348623157e308', '2.2250738585072011e-308',
                        '2.2250738585072012e-308', '1e-400', '1e400', '0e999',
                        '123456789012345678901234567890e-350'])
    else:              # syntax: signs, underscores, specials, junk
        parts = [rng.choice(['', '+', '-']),
                 rng.choice(['1', '12', '1_2', '1__2', '_1', '0', '00012', '']),
                 rng.choice(['', '.', '.5', '.5_5', '._5', '.0001']),
                 rng.choice(['', 'e5', 'E-5', 'e+1_0', 'e', 'e_1', 'e-', 'e0400'])]
        s = ''.join(parts)
        r = rng.random()
        if r < 0.1:
            s = rng.choice(['inf', 'Infinity', '-iNF', 'nan', '-NaN', '+nan',
                            'infinit', 'in', 'nana', ' 1.5 ', '  -2 ', '1 2',
                            '0x10', '1e5x', '', ' ', '.', 'e5', '1_000.5',
                            '1.5_', '1_e5', '-1e-400', '+0.0'])
    if rng.random() < 0.3:
        s = '-' + s if not s.startswith(('-', '+')) else s
    return s


def parse_result(s):
    try:
        v = float(s)
    except ValueError:
        return 'ERR'
    if math.isinf(v) and 'inf' not in s.lower():
        return 'OVF:' + bits(v)
    return bits(v)


def gen_parse(path, n):
    with open(path, 'w') as f:
        for _ in range(n):
            s = rand_decimal_string()
            f.write('%s\t%s\n' % (s, parse_result(s)))


def rand_hex_string():
    r = rng.random()
    if r < 0.5:
        s = rand_bits_double().hex()
        if rng.random() < 0.5:
            s = s.replace('0x', rng.choice(['', '0X', '0x']))
        return s
    if r < 0.85:
        ni = rng.randint(0, 20)
        nf = rng.randint(0, 20)
        s = rng.choice(['', '-', '+']) + rng.choice(['0x', '0X', ''])
        s += ''.join(rng.choice('0123456789abcdefABCDEF') for _ in range(ni))
        if nf or rng.random() < 0.5:
            s += '.' + ''.join(rng.choice('0123456789abcdef') for _ in range(nf))
        if rng.random() < 0.8:
            s += rng.choice('pP') + rng.choice(['', '-', '+']) + str(rng.randint(0, 1200))
        return s
    return rng.choice(['inf', '-Infinity', 'nan', ' 0x1p0 ', '0x1p', '0x.p1',
                       '0x1.fffffffffffff8p1023', '0x1.fffffffffffff7ffp1023',
                       '0x1p-1075', '0x1.0000000000001p-1075', '0x3p-1076',
                       '0x1p99999999999999999999', '0x1p-99999999999999999999',
                       '0x0p99999999999999999999', '0x1_0', 'x1', '0x', '',
                       '1e5', '0x1p+', '0x' + '0' * 300 + '1p-1200',
                       '0x1' + '0' * 300 + 'p-1200', '0x1.' + '0' * 50 + '1p0'])


def fromhex_result(s):
    try:
        v = float.fromhex(s)
    except ValueError:
        return 'ERR'
    except OverflowError:
        return 'OVF'
    return bits(v)


def gen_fromhex(path, n):
    with open(path, 'w') as f:
        for _ in range(n):
            s = rand_hex_string()
            f.write('%s\t%s\n' % (s, fromhex_result(s)))


def rand_format_value():
    r = rng.random()
    if r < 0.3:
        return rand_bits_double()
    if r < 0.5:
        return rand_decimal_double()
    if r < 0.75:  # human-sized numbers
        return round(rng.uniform(-1e7, 1e7), rng.randint(0, 6)) * rng.choice([1, 1, 1e-5, 1e5, 1e12])
    if r < 0.85:  # exact ties: k / 2^j
        return rng.randint(-10 ** 6, 10 ** 6) / 2 ** rng.randint(0, 12)
    if r < 0.92:
        return rng.choice([0.0, -0.0, math.inf, -math.inf, math.nan, -1e-9,
                           -0.0004, 0.5, 1.5, 2.5, 1e16, 1e-5, 9.999999e22])
    return float(rng.randint(-10 ** 20, 10 ** 20))


FILLS = ['*', 'x', '0', ' ', '<', '=', '\u00e9', '\u20ac', '\U0001f600', '_', ',']


def rand_spec():
    s = ''
    r = rng.random()
    if r < 0.25:
        s += rng.choice('<>=^')
    elif r < 0.5:
        s += rng.choice(FILLS) + rng.choice('<>=^')
    if rng.random() < 0.3:
        s += rng.choice('+- ')
    if rng.random() < 0.1:
        s += 'z'
    if rng.random() < 0.2:
        s += '#'
    if rng.random() < 0.2:
        s += '0'
    if rng.random() < 0.6:
        s += str(rng.choice([rng.randint(0, 30), rng.randint(0, 12)]))
    r = rng.random()
    if r < 0.15:
        s += ','
    elif r < 0.25:
        s += '_'
    if rng.random() < 0.02:
        s += rng.choice([',', '_'])
    if rng.random() < 0.6:
        s += '.' + str(rng.choice([rng.randint(0, 20), rng.randint(0, 3), rng.randint(0, 120)]))
    elif rng.random() < 0.01:
        s += '.'
    r = rng.random()
    if r < 0.85:
        s += rng.choice(['', 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%', '', 'g', 'f'])
    elif r < 0.95:
        s += rng.choice(['d', 's', 'x', 'q', 'é', 'b', ' ', 'r'])
    else:
        s += rng.choice(['ff', 'f ', '.5f', '^^', '99999999999999999999', '.99999999999999999999f'])
    return s


def format_result(x, spec):
    try:
        return format(x, spec)
    except ValueError as e:
        return 'ERR:' + str(e)


def gen_format(path, n):
    fixed = [(1234.5, '010,'), (1234.5, '012,'), (1e6, '013,.0f'), (0.1, '.60f'),
             (5e-324, '.1100f'), (5e-324, '.800e'), (1e300, ',.3f'), (-0.0, 'z'),
             (-0.0001, 'z.2f'), (float('inf'), '010,'), (float('nan'), '+012_.2f'),
             (0.125, '.2f'), (0.375, '.2f'), (2.5, '.0f'), (3.5, '.0f'), (2.5, '.0'),
             (123.0, '.3'), (1234.0, '.3'), (12.0, '.3'), (1e16, '#'), (1.0, '#.0'),
             (1.5, '#.0e'), (1.0, '\u00e9^9'), (12.5, '^11'), (1.0, '.2147483648f')]
    with open(path, 'w', encoding='utf-8') as f:
        for x, spec in fixed:
            f.write('%s\t%s\t%s\n' % (bits(x), spec, format_result(x, spec)))
        for _ in range(n):
            x = rand_format_value()
            spec = rand_spec()
            f.write('%s\t%s\t%s\n' % (bits(x), spec, format_result(x, spec)))


def gen_pct(path, n):
    with open(path, 'w') as f:
        for _ in range(n):
            x = rand_format_value()
            code = rng.choice('eEfFgG')
            prec = rng.choice([rng.randint(0, 20), rng.randint(0, 4), rng.randint(0, 400)])
            flags = rng.choice(['', '#', '+', ' ', '#+', '# '])
            fmt = '%' + flags + '.' + str(prec) + code
            f.write('%s\t%s\t%d\t%s\t%s\n' % (bits(x), code, prec, flags or '-', fmt % x))


def gen_round(path, n):
    with open(path, 'w') as f:
        cases = [(1.7976931348623157e308, -308), (2.5, 0), (0.125, 2), (-0.4, 0),
                 (5e-324, 400), (5e-324, 323), (5e-324, 324), (1e300, -300),
                 (0.5, 0), (1.5, 0), (-2.675, 2), (1e-320, 322)]
        for _ in range(n):
            x = rand_bits_double() if rng.random() < 0.4 else rand_format_value()
            if not math.isfinite(x):
                x = 1.0
            if x == 0:
                nd = rng.randint(-5, 5)
            else:
                mag = int(math.floor(math.log10(abs(x))))
                nd = -mag + rng.randint(-3, 18)
                if rng.random() < 0.05:
                    nd = rng.randint(-400, 400)
            cases.append((x, nd))
        for x, nd in cases:
            try:
                r = bits(round(x, nd))
            except OverflowError:
                r = 'OVF'
            f.write('%s\t%d\t%s\n' % (bits(x), nd, r))


def main():
    out = sys.argv[1]
    scale = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    os.makedirs(out, exist_ok=True)
    N = lambda k: max(100, int(k * scale))
    gen_repr(os.path.join(out, 'repr.txt'), N(1_000_000))
    gen_hex(os.path.join(out, 'hex.txt'), N(50_000))
    gen_parse(os.path.join(out, 'parse.txt'), N(200_000))
    gen_fromhex(os.path.join(out, 'fromhex.txt'), N(50_000))
    gen_format(os.path.join(out, 'format.txt'), N(100_000))
    gen_pct(os.path.join(out, 'pct.txt'), N(50_000))
    gen_round(os.path.join(out, 'round.txt'), N(50_000))


if __name__ == '__main__':
    main()
