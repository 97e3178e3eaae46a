#!/usr/bin/env python3
"""Expected results of str operations, computed by python3.11 at build time.

usage: gen_str_cases.py OUT_FILE [hash-only] [SCALE]

One case per line, tab-separated:  OP <tab> SELF <tab> ARG... <tab> '=' EXPECTED
EXPECTED is `=repr(result)` or `!ExcType<tab>str(exc)`.
Argument encoding (the C shim str_shim.c decodes it):
  s<hex code points joined by ','>   str ('s' alone: '')
  b<hex bytes>                       bytes
  i<decimal>                         int
  B0 / B1                            False / True
  f<repr(float)>                     float
  N                                  None
  T<items joined by ';'>             tuple (items encoded the same way, no nesting)
  L<items joined by ';'>             list
  D<key=value joined by ';'>         dict
  S<start>:<stop>:<step>             slice (each an int or empty for None)
  k<name>=<arg>                      keyword argument (after positional ones)
"""
import random
import sys

OUT = sys.argv[1]
HASH_ONLY = len(sys.argv) > 2 and sys.argv[2] == 'hash-only'
SCALE = float(sys.argv[3]) if len(sys.argv) > 3 else 1.0
rng = random.Random(20240611)

ASCII = [chr(c) for c in range(0x20, 0x7f)] + list('\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x00\x7f') + list('aaeeiioo  ')
LATIN1 = ASCII + [chr(c) for c in range(0x80, 0x100)] + list('ßÿµªºŀ')[:5]
LATIN1 = [c for c in LATIN1 if ord(c) < 256]
BMP = LATIN1 + list('ΣσςΑαΒβΩωДдЖжЯяǅǄǆǈﬁﬀİıŉΐẞ\u2028\u2029\u0300\u0345\u0301\u200b\u3000'
                    '中文日本語한국٣٤۵१२²³½¼Ⅻⅻ①\ufb01\ufeff\uffff\ud800\udc80\udfff\u0130\u1e9e\u1f80\u1fbc')
ASTRAL = BMP + ['\U0001d400', '\U0001f600', '\U00010400', '\U00010428', '\U0001e900', '\U0001d7d8', '\U00010ffff'[:1],
                '\U0010ffff', '\U00020000', '\U0001f1e6']
POOLS = [ASCII, LATIN1, BMP, ASTRAL]
WORDS = ['ab', 'a', 'b', ' ', '  ', 'σ', 'Σ', 'ΣΑ', 'ﬁ', '\t', '\r\n', 'x y', 'ǅ', '😀', 'é', '-', '+', '0']


def rstr(maxlen=12, pool=None):
    pool = pool or rng.choice(POOLS)
    n = rng.randint(0, maxlen) if rng.random() < 0.9 else rng.randint(0, 80)
    if rng.random() < 0.3:
        parts = []
        while sum(map(len, parts)) < n:
            parts.append(rng.choice(WORDS) if rng.random() < 0.5 else rng.choice(pool))
        return ''.join(parts)
    return ''.join(rng.choice(pool) for _ in range(n))


def sub_of(s):
    if s and rng.random() < 0.6:
        i = rng.randint(0, len(s))
        j = rng.randint(i, min(len(s), i + 4))
        return s[i:j]
    return rstr(3)


def enc(v):
    if v is None:
        return 'N'
    if isinstance(v, bool):
        return 'B%d' % v
    if isinstance(v, int):
        return 'i%d' % v
    if isinstance(v, float):
        return 'f' + repr(v)
    if isinstance(v, str):
        return 's' + ','.join('%x' % ord(c) for c in v)
    if isinstance(v, bytes):
        return 'b' + v.hex()
    if isinstance(v, tuple):
        return 'T' + ';'.join(enc(x) for x in v)
    if isinstance(v, list):
        return 'L' + ';'.join(enc(x) for x in v)
    if isinstance(v, dict):
        return 'D' + ';'.join(enc(k) + '=' + enc(x) for k, x in v.items())
    if isinstance(v, slice):
        f = lambda x: '' if x is None else str(x)
        return 'S%s:%s:%s' % (f(v.start), f(v.stop), f(v.step))
    raise TypeError(v)


def safe_msg(m):
    m = ''.join('\\u%04x' % ord(c) if 0xd800 <= ord(c) <= 0xdfff else c for c in m)
    return m.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n').replace('\r', '\\r')


out = open(OUT, 'w', encoding='utf-8', errors='surrogateescape')
count = 0


def case(op, self, args=(), kwargs=None, fn=None):
    global count
    kwargs = kwargs or {}
    try:
        if fn is not None:
            r = fn()
        else:
            r = getattr(self, op)(*args, **kwargs)
        exp = '=' + safe_msg(repr(r))
    except MemoryError:
        print('MemoryError case skipped:', op, repr(self)[:40], file=sys.stderr)
        return
    except Exception as e:
        exp = '!' + type(e).__name__ + '\t' + safe_msg(str(e))
    fields = [op, enc(self)] + [enc(a) for a in args] + ['k%s=%s' % (k, enc(v)) for k, v in kwargs.items()]
    out.write('\t'.join(fields) + '\t' + exp + '\n')
    count += 1


def N(n):
    return max(1, int(n * SCALE))


def gen_hash():
    for _ in range(N(3000)):
        s = rstr(20)
        case('__hash__', s, fn=lambda: hash(s))
    for s in ['', 'a', '\xff', '\u0100', '\U0001f600', 'abc' * 40]:
        case('__hash__', s, fn=lambda: hash(s))


if HASH_ONLY:
    gen_hash()
    out.close()
    print(count, 'cases')
    sys.exit(0)

gen_hash()

NOARG = ['capitalize', 'casefold', 'isalnum', 'isalpha', 'isascii', 'isdecimal', 'isdigit', 'isidentifier',
         'islower', 'isnumeric', 'isprintable', 'isspace', 'istitle', 'isupper', 'lower', 'swapcase', 'title',
         'upper', '__repr__', '__len__', '__str__']
for _ in range(N(600)):
    s = rstr()
    for m in NOARG:
        case(m, s)
    case('__iter__', s, fn=lambda: list(iter(s)))
for s in ['ΣΑΣ', 'ΑΣ ', 'aΣ', 'Σ', ' Σ', 'ΣΣ', 'a\u0345Σ', 'ǅa', 'ﬁne ǆ', 'ŉ', 'ß', 'İ', 'hello World', 'Hello World',
          'HELLO', '_a1', '1a', 'aß', 'a\u0301Σ.', '\u0300', 'ab_c9', 'if', '']:
    for m in NOARG:
        case(m, s)

for _ in range(N(2500)):
    s = rstr()
    w = rng.randint(-2, 20)
    for m in ['center', 'ljust', 'rjust']:
        r = rng.random()
        if r < 0.4:
            case(m, s, (w,))
        elif r < 0.9:
            case(m, s, (w, rng.choice(rng.choice(POOLS))))
        else:
            case(m, s, (w, rng.choice(['ab', '', 5, None])))
    case('zfill', rng.choice(['+', '-', '']) + s, (w,))
    case('expandtabs', s.replace('a', '\t'), () if rng.random() < 0.3 else (rng.randint(-1, 9),))
    sub = sub_of(s)
    for m in ['count', 'find', 'rfind', 'index', 'rindex', 'startswith', 'endswith']:
        k = rng.randint(0, 2)
        args = [sub] + [rng.choice([None, rng.randint(-15, 15)]) for _ in range(k)]
        if m in ('startswith', 'endswith') and rng.random() < 0.2:
            args[0] = tuple(sub_of(s) for _ in range(rng.randint(0, 3)))
        case(m, s, tuple(args))
    case('__contains__', s, (sub,))
    for m in ['split', 'rsplit']:
        r = rng.random()
        if r < 0.3:
            case(m, s)
        elif r < 0.5:
            case(m, s, (None, rng.randint(-1, 3)))
        elif r < 0.7:
            case(m, s, kwargs={'sep': sub or 'a', 'maxsplit': rng.randint(-1, 3)})
        else:
            case(m, s, (sub or ' ',) if rng.random() < 0.5 else (sub, rng.randint(-1, 3)))
    case('splitlines', s, () if rng.random() < 0.5 else (rng.choice([True, False]),))
    for m in ['strip', 'lstrip', 'rstrip']:
        case(m, s, rng.choice([(), (None,), (sub,), (rstr(4),)]))
    case('partition', s, (sub,))
    case('rpartition', s, (sub,))
    case('removeprefix', s, (sub,))
    case('removesuffix', s, (sub,))
    case('replace', s, (sub, rstr(3)) + (() if rng.random() < 0.5 else (rng.randint(-1, 3),)))
    case('join', s[:3], ([rstr(4) for _ in range(rng.randint(0, 4))],))
    case('__getitem__', s, (rng.randint(-len(s) - 2, len(s) + 1),))
    sl = slice(rng.choice([None, rng.randint(-15, 15)]), rng.choice([None, rng.randint(-15, 15)]),
               rng.choice([None, 1, 2, 3, -1, -2, -3]))
    case('__getitem__', s, (sl,))
    t = rstr(6) if rng.random() < 0.7 else s[:rng.randint(0, len(s))]
    for m in ['__eq__', '__ne__', '__lt__', '__le__', '__gt__', '__ge__']:
        case(m, s, (t,))
    case('__add__', s, (t,))
    case('__mul__', s, (rng.randint(-1, 4),))
    table = {}
    for c in set(s[:6]):
        table[ord(c)] = rng.choice([None, rng.randint(0, 0x200), rstr(2)])
    case('translate', s, (table,))

# encode / decode
ENCS = ['utf-8', 'utf8', 'UTF-8', 'ascii', 'latin-1', 'latin1', 'iso-8859-1', 'us-ascii', 'l1', 'u8']
ERRS = ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'surrogateescape',
        'surrogatepass', 'namereplace']
for _ in range(N(1500)):
    s = rstr()
    if rng.random() < 0.2:
        s += rng.choice(['\udc80', '\udcff', '\ud800', '\udc41'])
    e = rng.choice(ENCS)
    r = rng.random()
    if r < 0.2:
        case('encode', s)
    elif r < 0.4:
        case('encode', s, (e,))
    else:
        case('encode', s, (e, rng.choice(ERRS)))
    if rng.random() < 0.5:
        try:
            b = s.encode('utf-8', 'surrogatepass')
        except Exception:
            b = b''
        b = bytearray(b)
        for _ in range(rng.randint(0, 3)):
            if b:
                b[rng.randrange(len(b))] = rng.randrange(256)
        if rng.random() < 0.3:
            b = b[:rng.randint(0, len(b))]
        b = bytes(b)
    else:
        b = bytes(rng.randrange(256) for _ in range(rng.randint(0, 8)))
    args = (e, rng.choice(ERRS)) if rng.random() < 0.8 else (e,)
    case('decode', b, args, fn=lambda: b.decode(*args))
for e in ['bogus', 'rot13', 'hex', 'base64', 'nope-nope']:
    case('encode', 'abc', (e,))
case('encode', '\ud800', ('utf-8', 'bogus'))
case('encode', 'abc', ('utf-8', 'bogus'))

# __format__ with random specs
FILLS = ['', '*', '0', ' ', 'é', '€', '😀', '{']
for _ in range(N(2500)):
    s = rstr(8)
    spec = ''
    r = rng.random()
    if rng.random() < 0.5:
        spec += rng.choice(FILLS) + rng.choice('<>^=') if rng.random() < 0.7 else rng.choice('<>^')
    if rng.random() < 0.05:
        spec += rng.choice('+- ')
    if rng.random() < 0.03:
        spec += 'z'
    if rng.random() < 0.03:
        spec += '#'
    if rng.random() < 0.2:
        spec += '0'
    if rng.random() < 0.7:
        spec += str(rng.randint(0, 15))
    if rng.random() < 0.04:
        spec += rng.choice([',', '_'])
    if rng.random() < 0.4:
        spec += '.' + str(rng.randint(0, 10))
    if rng.random() < 0.3:
        spec += rng.choice(['s', 's', 'd', 'x', 'é', '%'])
    case('__format__', s, (spec,))

# printf-style formatting
def rnum():
    return rng.choice([0, 1, -1, 7, -42, 255, 10**20, -(2**70), 3.5, -0.0, 1e300, 1e-7, float('inf'),
                       float('-inf'), float('nan'), True, 2.5, 123456.789, -3.14159])


def rconv(val_only=False):
    c = rng.choice('sradiuoxXeEfFgGc%')
    flags = ''.join(rng.choice('-+ #0') for _ in range(rng.choice([0, 0, 1, 2])))
    width = rng.choice(['', '', str(rng.randint(0, 12)), '*'])
    prec = rng.choice(['', '', '.' + str(rng.randint(0, 8)), '.*'])
    if c == '%':
        return '%%', []
    vals = []
    if width == '*':
        vals.append(rng.randint(-8, 8))
    if prec == '.*':
        vals.append(rng.randint(-2, 8))
    if c in 'sra':
        vals.append(rng.choice([rstr(5), rnum(), None, (1, 2)[:1] and 'x']))
    elif c == 'c':
        vals.append(rng.choice([rng.randint(0, 0x10ffff), rstr(1) or 'a', 'ab', -1, 0x110000]))
    else:
        vals.append(rnum() if rng.random() < 0.95 else rstr(2))
    return '%' + flags + width + prec + c, vals


for _ in range(N(3000)):
    fmt, vals = '', []
    for _ in range(rng.randint(0, 3)):
        fmt += rstr(3, ASCII).replace('%', '')
        f, v = rconv()
        fmt += f
        vals += v
    fmt += rstr(2)
    fmt = fmt.replace('%', '%') if True else fmt
    r = rng.random()
    if r < 0.05 and vals:
        vals = vals[:-1]
    elif r < 0.1:
        vals = vals + [1]
    if len(vals) == 1 and rng.random() < 0.5 and not isinstance(vals[0], tuple):
        arg = vals[0]
    else:
        arg = tuple(vals)
    case('__mod__', fmt, (arg,))
for fmt, arg in [('%(a)s %(b)r', {'a': 1, 'b': 'x'}), ('%(a)s', {'b': 1}), ('%s %s', [1, 2]), ('%s', [1, 2]),
                 ('abc', []), ('abc', {}), ('abc', 'x'), ('%', ()), ('%(', {}), ('%y', 1), ('%\u20ac', 1),
                 ('%(a)s %s', {'a': 1}), ('%s %(a)s', {'a': 1}), ('%(a)s', ({'a': 1},)), ('%5%', (1,)),
                 ('%c', 'ab'), ('%c', 0x110000), ('%x', 1.5), ('%d', 'a'), ('%f', 'a'), ('%*d', ('a', 1)),
                 ('%.*s', (-3, 'abc')), ('%.9999999999999d', 1), ('%((a))s', {'(a)': 1}), ('%ld %hd %Ld', (1, 2, 3))]:
    case('__mod__', fmt, (arg,))

# str.format / format_map
for _ in range(N(2000)):
    vals = [rng.choice([rstr(4), rng.randint(-1000, 1000), rng.choice([1.5, -0.25, 12.5])]) for _ in range(3)]
    kw = {'a': rstr(3), 'b': rng.randint(0, 99)}
    parts = []
    manual = rng.random() < 0.5
    for i in range(rng.randint(0, 3)):
        parts.append(rstr(3, ASCII).replace('{', '{{').replace('}', '}}'))
        name = rng.choice([str(rng.randint(0, 3)) if manual else '', 'a', 'b', 'zz'])
        conv = rng.choice(['', '', '!r', '!s', '!a', '!x'])
        spec = rng.choice(['', '', ':>6', ':^7', ':*<5', ':.2', ':{}' if not manual else ':{1}', ':x', ':5d', ':{b}'])
        parts.append('{' + name + conv + spec + '}')
    t = ''.join(parts)
    case('format', t, tuple(vals), kw)
    case('format_map', t, (kw,))
for t in ['{', '}', '{{}}', '{0[}', '{0]}', '{0.}', '{0[]}', '{0!}', '{0!rr}', '{ 0}', '{-1}', '{0[0]1}',
          '{:}', '{0}{}', '{}{0}', '{0:{1:{2}}}', '{0.real}', '{0[1]}', '{a.b}', '{:{}{}}', '{0!x}', '{0:d}',
          '{٣}', '{99999999999999999999999}', '{a}', '{0}']:
    case('format', t, ('abc', 5, '>'), {'a': 1})
    case('format_map', t, ({'a': 1},))

# maketrans
for args in [({'a': 'b', 98: None, 'c': 5},), ({1.5: 'a'},), ({'ab': 'a'},), ('ab', 'c'), ('ab', 'cd', 1),
             (1, 'cd'), ('abc', 'xyz', 'q'), ('é😀', 'ab'), (1,), ()]:
    case('maketrans', '', args, fn=lambda: str.maketrans(*args))

# argument errors
for m, args in [('center', ()), ('center', (1, 2, 3)), ('center', ('x',)), ('center', (3, 'ab')), ('count', ()),
                ('count', (1,)), ('count', ('a', 'x')), ('count', ('a', 1, 2, 3)), ('endswith', (1,)),
                ('endswith', ((1,),)), ('find', (1,)), ('index', ('zz',)), ('join', ([1],)), ('join', (1,)),
                ('lstrip', (1,)), ('partition', ('',)), ('partition', (1,)), ('removeprefix', (1,)),
                ('replace', (1, 'a')), ('replace', ('a', 1)), ('replace', ('a', 'b', 'c')), ('split', ('',)),
                ('split', (1,)), ('splitlines', ('x',)), ('startswith', (['a'],)), ('zfill', ('x',)),
                ('translate', ({97: 0x110000},)), ('translate', ({97: 1.5},)), ('strip', (None, 1)),
                ('split', (None, 1, 2)), ('expandtabs', (1, 2)), ('encode', (1,)), ('encode', ('utf-8', 2)),
                ('center', (2**65,)), ('__getitem__', (2**65,)), ('__getitem__', ('x',)),
                ('__getitem__', (slice(1, 2, 0),)), ('__mul__', (2**62,)), ('__add__', (1,)),
                ('__contains__', (1,))]:
    case(m, 'abc', args)
for m, kw in [('split', {'x': 1}), ('split', {'sep': 'a', 'maxsplit': 'x'}), ('encode', {'foo': 1}),
              ('splitlines', {'keepends': True, 'x': 1}), ('encode', {'encoding': 'ascii', 'errors': 'strict'})]:
    case(m, 'a b', (), kw)
case('split', 'a b', ('a',), {'sep': 'b'})

out.close()
print(count, 'cases')
