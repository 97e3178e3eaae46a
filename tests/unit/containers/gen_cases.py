#!/usr/bin/python3.11
"""Generate container test vectors with python3.11 (run at build time).

usage: gen_cases.py OUTFILE KIND [SCALE]
KIND: main (every type, PYTHONHASHSEED-independent results) or setorder
(set iteration order; depends on the hash seed the caller runs us with).

Each line: RECV METHOD NARGS ARGS... NKW (NAME VALUE)... => EXPECTED
Values are prefix-encoded tokens (see containers_shim.c): N T F i:<int>
d:<float repr> s:<hex utf8> b:<hex> B:<hex> (bytearray) l<n> t<n> S<n> f<n>
(set/frozenset built from the n items in that order) r (range: 3 values)
x (slice: 3 values) M (memoryview of the next value) c:mod7 (key function)
Y:<typename> (a builtin type) D<n> (a dict of the next n key/value pairs). EXPECTED: R:<hex repr of result> and, for
methods that mutate, A:<hex repr of the receiver afterwards>; or
E:<exception type name>:<hex str(exception)>.
Meta-methods: $hash (hash(recv)), $revlist (list(reversed(recv))),
$list (list(recv)), $setops (apply (op, key) pairs: 1 add, 0 discard, then
list(recv)).
"""
import random
import sys


def hx(s):
    return s.encode('utf-8', 'surrogatepass').hex()


def enc(v):
    t = type(v)
    if v is None:
        return 'N'
    if v is True:
        return 'T'
    if v is False:
        return 'F'
    if t is int:
        return 'i:%d' % v
    if t is float:
        return 'd:' + repr(v)
    if t is str:
        return 's:' + hx(v)
    if t is bytes:
        return 'b:' + v.hex()
    if t is bytearray:
        return 'B:' + v.hex()
    if t is list:
        return ' '.join(['l%d' % len(v)] + [enc(x) for x in v])
    if t is tuple:
        return ' '.join(['t%d' % len(v)] + [enc(x) for x in v])
    if t is dict:
        return ' '.join(['D%d' % len(v)] + [enc(x) for kv in v.items() for x in kv])
    if t is range:
        return ' '.join(['r', enc(v.start), enc(v.stop), enc(v.step)])
    if t is slice:
        return ' '.join(['x', enc(v.start), enc(v.stop), enc(v.step)])
    if t is Src:
        return v.token
    if t is memoryview:
        return 'M ' + enc(v.obj)
    raise TypeError(t)


class Src:
    """A value whose construction order matters (sets) or that is special."""

    def __init__(self, token, value, make=None):
        self.token = token
        self.value = value
        self.make = make  # builds a fresh value the way the C side does


def mkset(items, frozen=False):
    items = list(items)
    typ = frozenset if frozen else set
    return Src(' '.join([('f%d' if frozen else 'S%d') % len(items)] + [enc(x) for x in items]), typ(items),
               lambda: typ(items))


def mkmv(inner):
    return Src('M ' + enc(inner), memoryview(inner))


MOD7 = Src('c:mod7', lambda x: x % 7)
TYPES = {'bytes': bytes, 'bytearray': bytearray}


def mktype(name):
    return Src('Y:' + name, TYPES[name])


def val(x):
    return x.value if isinstance(x, Src) else x


def copyv(x):
    # A set's table layout (and so its iteration order) depends on how it was
    # built: rebuild it exactly as the C side does, never copy it.
    if isinstance(x, Src) and x.make:
        return x.make()
    x = val(x)
    if isinstance(x, (list, bytearray, set)):
        return type(x)(x)
    if isinstance(x, tuple):
        return tuple(copyv(y) for y in x)
    return x


def fmt_result(r):
    return 'R:' + hx(repr(r))


OUT = []


def case(recv, method, args=(), kw=(), mutates=False):
    r = copyv(recv)
    a = [copyv(x) for x in args]
    k = {n: copyv(v) for n, v in kw}
    try:
        if method == '$hash':
            res = hash(r)
        elif method == '$revlist':
            res = list(reversed(r))
        elif method == '$list':
            res = list(r)
        elif method == '$setops':
            for op, key in a[0]:
                (r.add if op else r.discard)(key)
            res = list(r)
        else:
            res = getattr(r, method)(*a, **k)
            if isinstance(res, (memoryview,)) or type(res).__name__.endswith('iterator'):
                return
        exp = fmt_result(res)
        if mutates:
            exp += ' A:' + hx(repr(r))
    except Exception as e:  # noqa: BLE001
        exp = 'E:%s:%s' % (type(e).__name__, hx(str(e)))
    toks = [enc(recv), method, str(len(args))] + [enc(x) for x in args] + [str(len(kw))]
    for n, v in kw:
        toks += [hx(n), enc(v)]
    OUT.append(' '.join(toks) + ' => ' + exp)


R = random.Random(20240611)


def rint(lo=-20, hi=20):
    return R.randint(lo, hi)


def rlist(n=None, f=rint):
    return [f() for _ in range(R.randint(0, 8) if n is None else n)]


def rstr():
    return ''.join(R.choice('abcxyzAB \u00e9\u4e2d') for _ in range(R.randint(0, 4)))


def rbytes(n=None):
    n = R.randint(0, 12) if n is None else n
    return bytes(R.choice(b'abcABC xyz,.\t\n\x00\xff\'"-+0123') for _ in range(n))


def ridx():
    return R.choice([None, rint(-12, 12)])


def rslice():
    return slice(ridx(), ridx(), R.choice([None, None, 1, -1, 2, -2, 3, 0]))


def gen_list(scale):
    for _ in range(300 * scale):
        l = rlist()
        m = R.choice(['append', 'extend', 'insert', 'pop', 'remove', 'index', 'count', 'reverse', 'copy', 'clear',
                      '__getitem__', '__setitem__', '__delitem__', '__add__', '__mul__', '__iadd__', '__imul__',
                      '__contains__', '__eq__', '__lt__', '__le__', '__gt__', '__ge__', '__ne__', '__repr__', '__len__',
                      '$revlist', '$hash', '__rmul__'])
        if m == 'append':
            case(l, m, [rint()], mutates=True)
        elif m in ('extend', '__iadd__'):
            case(l, m, [R.choice([rlist(), tuple(rlist()), range(rint(0, 5)), 'ab', 5])], mutates=True)
        elif m == 'insert':
            case(l, m, [rint(-12, 12), rint()], mutates=True)
        elif m == 'pop':
            case(l, m, R.choice([[], [rint(-10, 10)]]), mutates=True)
        elif m in ('remove', 'count', '__contains__'):
            case(l, m, [R.choice([rint(), 'a'])], mutates=(m == 'remove'))
        elif m == 'index':
            case(l, m, [rint()] + [rint(-10, 10) for _ in range(R.randint(0, 2))])
        elif m in ('reverse', 'copy', 'clear', '__repr__', '__len__', '$revlist', '$hash'):
            case(l, m, [], mutates=m in ('reverse', 'clear'))
        elif m == '__getitem__':
            case(l, m, [R.choice([rint(-10, 10), rslice(), 'a'])])
        elif m == '__setitem__':
            if R.random() < 0.4:
                case(l, m, [rint(-10, 10), rint()], mutates=True)
            else:
                case(l, m, [rslice(), R.choice([rlist(), tuple(rlist()), 3])], mutates=True)
        elif m == '__delitem__':
            case(l, m, [R.choice([rint(-10, 10), rslice()])], mutates=True)
        elif m == '__add__':
            case(l, m, [R.choice([rlist(), (1,)])])
        elif m in ('__mul__', '__rmul__', '__imul__'):
            case(l, m, [R.choice([rint(-2, 4), 'a'])], mutates=(m == '__imul__'))
        else:
            other = R.choice([list(l), rlist(), l[:-1] if l else [1], l + [0], 5, [1, 'a']])
            case(l, m, [other])
    # nested reprs
    for _ in range(50 * scale):
        case([rlist(), rstr(), (rint(), None), rbytes(), rint() * 1.5, True], '__repr__')


def gen_sort(scale):
    for _ in range(150 * scale):
        n = R.choice([0, 1, 2, 5, 20, 64, 65, 100, 300, 1000])
        kind = R.random()
        if kind < 0.5:
            l = [rint(-1000, 1000) for _ in range(n)]
            if R.random() < 0.3:  # partially ordered: runs
                l.sort()
                for _ in range(n // 10):
                    i, j = R.randrange(n), R.randrange(n)
                    l[i], l[j] = l[j], l[i]
            if R.random() < 0.2:
                l.reverse()
        elif kind < 0.7:
            l = [rstr() for _ in range(n)]
        elif kind < 0.85:
            l = [R.choice([rint(), rint() + 0.5]) for _ in range(n)]
        else:
            l = [rint(-2**70, 2**70) for _ in range(n)]
        kw = []
        if R.random() < 0.5 and kind < 0.5:
            kw.append(('key', MOD7))
        if R.random() < 0.5:
            kw.append(('reverse', R.choice([True, False, 1, 0])))
        case(l, 'sort', [], kw, mutates=True)
    case([1, 'a', 2], 'sort', [], [], mutates=True)
    case([1, 2], 'sort', [5], [], mutates=True)
    case([1, 2], 'sort', [], [('x', 1)], mutates=True)
    case([3, 1, 2], 'sort', [], [('key', None)], mutates=True)


def gen_set(scale):
    for _ in range(300 * scale):
        frozen = R.random() < 0.3
        s = mkset(rlist(f=lambda: rint(-8, 8)), frozen)
        other_list = rlist(f=lambda: rint(-8, 8))
        other = R.choice([mkset(other_list), mkset(other_list, True), other_list, tuple(other_list),
                          range(rint(-3, 5)), 5])
        ms = ['union', 'intersection', 'difference', 'symmetric_difference', 'issubset', 'issuperset', 'isdisjoint',
              '__or__', '__and__', '__sub__', '__xor__', '__eq__', '__ne__', '__lt__', '__le__', '__gt__', '__ge__',
              '__contains__', '__len__', '__repr__', 'copy', '$list', '$hash']
        if not frozen:
            ms += ['add', 'discard', 'remove', 'pop', 'clear', 'update', 'intersection_update', 'difference_update',
                   'symmetric_difference_update', '__ior__', '__iand__', '__isub__', '__ixor__']
        m = R.choice(ms)
        if m in ('add', 'discard', 'remove', '__contains__'):
            case(s, m, [R.choice([rint(-8, 8), 'a', [1], mkset([1, 2])])], mutates=m != '__contains__')
        elif m in ('pop', 'clear', '__len__', '__repr__', 'copy', '$list', '$hash'):
            case(s, m, [], mutates=m in ('pop', 'clear'))
        elif m in ('union', 'intersection', 'difference', 'update', 'intersection_update', 'difference_update'):
            others = [R.choice([mkset(rlist(f=lambda: rint(-8, 8))), rlist(f=lambda: rint(-8, 8))])
                      for _ in range(R.randint(0, 3))]
            case(s, m, others, mutates=not m in ('union', 'intersection', 'difference'))
        else:
            case(s, m, [other], mutates=m.startswith('__i') or m.endswith('_update'))
    # mixed str keys and big sets for order
    for _ in range(50 * scale):
        s = mkset([R.choice([rint(-500, 500), rstr()]) for _ in range(R.randint(0, 60))])
        case(s, R.choice(['__repr__', '$list']), [])
        case(s, '__or__', [mkset([rint(-500, 500) for _ in range(R.randint(0, 60))])])
        case(s, '__and__', [mkset([rint(-500, 500) for _ in range(R.randint(0, 60))])])
    for _ in range(30 * scale):
        case(mkset([rint(-50, 50) for _ in range(R.randint(0, 30))], True), '$hash')
    case(mkset([]), '__repr__')
    case(mkset([], True), '__repr__')
    case(mkset([1.0, 1, True]), '$list')
    case(mkset([1, 2]), 'pop', [1])


def gen_setorder(scale):
    for _ in range(200 * scale):
        ops = []
        pool = [rint(-300, 300) for _ in range(40)] + [rstr() + rstr() for _ in range(40)]
        for _ in range(R.randint(1, 400)):
            ops.append((1 if R.random() < 0.65 else 0, R.choice(pool)))
        case(mkset([]), '$setops', [ops], mutates=True)
    for _ in range(50 * scale):
        s = mkset([rstr() + str(rint()) for _ in range(R.randint(0, 50))])
        case(s, '__repr__')
        case(s, 'pop', [], mutates=True)


def gen_range(scale):
    for _ in range(300 * scale):
        big = R.random() < 0.15
        sc = 2**65 if big else 1
        r = range(rint(-20, 20) * sc, rint(-20, 20) * sc, R.choice([1, 1, 2, 3, -1, -2, -5]) * (sc if R.random() < 0.5 else 1))
        m = R.choice(['__len__', '__getitem__', '__contains__', 'index', 'count', '$revlist', '$list', '$hash',
                      '__repr__', '__eq__', '__bool__'])
        if m == '__getitem__':
            case(r, m, [R.choice([rint(-25, 25) * (sc if R.random() < 0.3 else 1), rslice(), 'a'])])
        elif m in ('__contains__', 'index', 'count'):
            # non-int values search by iteration: only on small ranges
            case(r, m, [R.choice([rint(-25, 25) * sc, True] + ([] if big else [rint(-25, 25) + 0.0, 'a']))])
        elif m == '__eq__':
            case(r, m, [R.choice([r, range(r.start, r.stop + 1, r.step), range(0), range(r.start, r.start + 1)])])
        elif m in ('$list', '$revlist') and big:
            continue
        elif m == '$hash' and r.start == r.stop or m == '$hash' and (r.stop - r.start) // r.step <= 1:
            continue  # hashes (len, start/None, None): None's hash is its address
        else:
            case(r, m, [])


def gen_slice(scale):
    for _ in range(150 * scale):
        s = rslice()
        case(s, R.choice(['indices', '__repr__', '$hash', '__eq__']),
             [R.choice([rint(0, 15), rint(-2, -1)])] if R.random() < 0.7 else [])
    case(slice(1, 2), '__eq__', [slice(1, 2)])
    case(slice(1, 2), '__lt__', [slice(1, 3)])
    case(slice('a', 2), 'indices', [5])


def gen_bytes(scale, ba=False):
    T = bytearray if ba else bytes
    for _ in range(500 * scale):
        b = T(rbytes())
        m = R.choice(['capitalize', 'center', 'count', 'decode', 'endswith', 'expandtabs', 'find', 'hex', 'index',
                      'isalnum', 'isalpha', 'isascii', 'isdigit', 'islower', 'isspace', 'istitle', 'isupper', 'join',
                      'ljust', 'lower', 'lstrip', 'partition', 'removeprefix', 'removesuffix', 'replace', 'rfind',
                      'rindex', 'rjust', 'rpartition', 'rsplit', 'rstrip', 'split', 'splitlines', 'startswith',
                      'strip', 'swapcase', 'title', 'translate', 'upper', 'zfill', '__getitem__', '__contains__',
                      '__add__', '__mul__', '__repr__', '__len__', '$hash', '__eq__', '__lt__', '__ge__', '$list'])
        sub = lambda: R.choice([rbytes(R.randint(0, 2)), b[R.randint(0, len(b)):R.randint(0, len(b))], R.choice(b'ab,x ')])
        if m in ('count', 'find', 'index', 'rfind', 'rindex'):
            case(b, m, [sub()] + [ridx() for _ in range(R.randint(0, 2))])
        elif m in ('startswith', 'endswith'):
            p = R.choice([rbytes(R.randint(0, 2)), (rbytes(1), rbytes(1)), 'a'])
            case(b, m, [p] + [ridx() for _ in range(R.randint(0, 2))])
        elif m in ('center', 'ljust', 'rjust'):
            case(b, m, [rint(0, 16)] + R.choice([[], [b'*'], [b'ab'], ['x']]))
        elif m == 'zfill':
            case(T(R.choice([b'', b'-', b'+']) + rbytes(3)), m, [rint(0, 10)])
        elif m == 'decode':
            case(b, m, [R.choice(['utf-8', 'ascii', 'latin-1'])] + R.choice([[], ['strict'], ['replace'], ['ignore']]))
        elif m == 'expandtabs':
            case(b, m, R.choice([[], [rint(0, 6)]]))
        elif m == 'hex':
            case(b, m, R.choice([[], [':'], [b'-', rint(-3, 3)], ['::']]))
        elif m == 'join':
            case(b, m, [R.choice([[rbytes(2) for _ in range(R.randint(0, 4))], [b'a', 'b'],
                                  (bytearray(b'x'), mkmv(b'y'))])])
        elif m in ('lstrip', 'rstrip', 'strip'):
            case(b, m, R.choice([[], [None], [rbytes(2)]]))
        elif m in ('partition', 'rpartition', 'removeprefix', 'removesuffix'):
            case(b, m, [R.choice([sub(), b'', 'a']) if m.endswith('partition') else sub()])
        elif m == 'replace':
            case(b, m, [R.choice([rbytes(1), b'']), rbytes(R.randint(0, 2))] + R.choice([[], [rint(-1, 3)]]))
        elif m in ('split', 'rsplit'):
            args = R.choice([[], [None], [rbytes(1)], [b' ', rint(-1, 2)], [b'']])
            case(b, m, args)
        elif m == 'splitlines':
            case(T(R.choice([b'a\nb\r\nc\rd', b'\n\n', b'x']) + rbytes(3)), m, R.choice([[], [True]]))
        elif m == 'translate':
            case(b, m, [R.choice([None, bytes.maketrans(b'abc', b'xyz')])] + R.choice([[], [b'a ']]))
        elif m == '__getitem__':
            case(b, m, [R.choice([rint(-14, 14), rslice()])])
        elif m == '__contains__':
            case(b, m, [R.choice([rint(0, 300), sub(), 'a'])])
        elif m == '__add__':
            case(b, m, [R.choice([rbytes(), bytearray(rbytes()), 'a'])])
        elif m == '__mul__':
            case(b, m, [rint(-1, 3)])
        elif m in ('__eq__', '__lt__', '__ge__'):
            case(b, m, [R.choice([bytes(b), rbytes(), bytearray(b), 'a'])])
        else:
            case(b, m, [])
    case(mktype('bytearray' if ba else 'bytes'), 'fromhex', [' 01 ab  ff'])
    case(mktype('bytearray' if ba else 'bytes'), 'fromhex', ['0g'])
    case(mktype('bytearray' if ba else 'bytes'), 'fromhex', [b'00'])
    case(mktype('bytes'), 'maketrans', [b'ab', b'c'])
    for _ in range(30 * scale):
        case(T(bytes(R.randrange(256) for _ in range(R.randint(0, 6)))), R.choice(['__repr__', 'hex', 'decode', '$hash']))
    if ba:
        for _ in range(300 * scale):
            b = bytearray(rbytes())
            m = R.choice(['append', 'extend', 'insert', 'pop', 'remove', 'reverse', 'clear', 'copy', '__setitem__',
                          '__delitem__', '__iadd__', '__imul__'])
            if m == 'append':
                case(b, m, [R.choice([rint(0, 255), 300, b'a'])], mutates=True)
            elif m == 'extend':
                case(b, m, [R.choice([rbytes(), [1, 2], 5, 'ab', range(3)])], mutates=True)
            elif m == 'insert':
                case(b, m, [rint(-14, 14), rint(0, 256)], mutates=True)
            elif m == 'pop':
                case(b, m, R.choice([[], [rint(-14, 14)]]), mutates=True)
            elif m == 'remove':
                case(b, m, [R.choice(b'abcx')], mutates=True)
            elif m == '__setitem__':
                if R.random() < 0.4:
                    case(b, m, [rint(-14, 14), R.choice([rint(0, 255), 256])], mutates=True)
                else:
                    case(b, m, [rslice(), R.choice([rbytes(R.randint(0, 4)), [65, 66], 3])], mutates=True)
            elif m == '__delitem__':
                case(b, m, [R.choice([rint(-14, 14), rslice()])], mutates=True)
            elif m == '__iadd__':
                case(b, m, [R.choice([rbytes(), 'a'])], mutates=True)
            elif m == '__imul__':
                case(b, m, [rint(-1, 3)], mutates=True)
            else:
                case(b, m, [], mutates=True)


def rfmt_value(conv):
    """A random argument for a %-conversion (sometimes of a wrong type)."""
    if R.random() < 0.04:
        return R.choice(['s', 1.5, [1], None, b'ab', 2 ** 70, -7, bytearray(b'q')])
    if conv in 'diuoxX':
        return R.choice([rint(-300, 300), rint(-300, 300), R.randint(-2 ** 80, 2 ** 80), True, 0,
                         R.choice([2.75, -3.5, 1e20]) if conv in 'diu' else 255])
    if conv in 'eEfFgG':
        return R.choice([R.uniform(-1e4, 1e4), R.uniform(-1, 1), -0.0, 0.0, -0.004, 1e300, 1e-7, rint(),
                         float('inf'), float('-inf'), float('nan'), 123456789.0, -0.5])
    if conv in 'sb':
        return R.choice([rbytes(), rbytes(R.randint(0, 3)), bytearray(rbytes()), b''])
    if conv in 'ar':
        return R.choice([rstr(), 'h\xe9\u20ac\U0001f600', rbytes(), rint(), 2.5, [1, 'x'], None, (1,)])
    if conv == 'c':
        return R.choice([R.randint(0, 255)] * 6 + [256, -1, b'x', b'xy', bytearray(b'z'), b'', 'a'])
    return rint()


def rfmt_spec():
    conv = R.choice('diuoxXeEfFgGsbarc' + 'dxsbac')
    flags = ''.join(R.choice('-+ #0') for _ in range(R.choice([0, 0, 0, 1, 2])))
    if R.random() < 0.05:
        flags += 'z'
    width = R.choice(['', '', '', str(R.randint(0, 12)), '*'])
    prec = R.choice(['', '', '', '.' + str(R.randint(0, 8)), '.', '.*'])
    lm = R.choice([''] * 12 + ['l', 'h', 'L'])
    return flags, width, prec, lm, conv


def gen_bytes_format(scale, ba=False):
    T = bytearray if ba else bytes
    lits = [b'', b'', b'x', b'ab ', b' = ', b'%%', b'\xff\x00', b'[', b']']
    for _ in range((40 if ba else 120) * scale):
        use_dict = R.random() < 0.2
        fmt, args, d = b'', [], {}
        for k in range(R.randint(1, 4)):
            fmt += R.choice(lits)
            flags, width, prec, lm, conv = rfmt_spec()
            if use_dict:
                if R.random() < 0.9:
                    width = width.replace('*', '5')
                    prec = prec.replace('*', '2')
                name = R.choice([b'a', b'b', b'k%d' % k, b'', b'x(y)'])
                fmt += b'%(' + name + b')'
                d[name] = rfmt_value(conv)
            else:
                fmt += b'%'
            fmt += (flags + width + prec + lm + conv).encode()
            if not use_dict:
                if width == '*':
                    args.append(R.choice([rint(-10, 10)] * 19 + [2.0]))
                if prec == '.*':
                    args.append(R.choice([rint(-2, 8)] * 19 + ['3']))
                args.append(rfmt_value(conv))
        fmt += R.choice(lits)
        r = R.random()
        if r < 0.04:
            fmt += b'%'
        elif r < 0.08:
            fmt += b'%' + R.choice([b'y', b'Q', b'z', b'5', b'-', b'.', b'(a'])
        elif r < 0.11 and args:
            args.pop()
        elif r < 0.14:
            args.append(rint())
        if use_dict:
            arg = d if R.random() < 0.95 else tuple(d.values())
        elif len(args) == 1 and not isinstance(args[0], (tuple, list, dict, bytearray)) and R.random() < 0.4:
            arg = args[0]
        else:
            arg = tuple(args)
        case(T(fmt), '__mod__', [arg])
    fixed = [(b'%s', mkmv(b'mv')), (b'%b', (mkmv(b'ab'),)), (b'%5.1s|%-4b|', (b'xyz', bytearray(b'q'))),
             (b'%c%c%c', (65, b'B', bytearray(b'C'))), (b'%(a)s%s', {b'a': b'1'}), (b'%(a)s', {'a': b'1'}),
             (b'%s', bytearray(b'ab')), (b'', [1]), (b'%s', [1]), (b'x', 3), (b'%s %s', (b'a',)),
             (b'%s', (b'a', b'b')), (b'%.*f', (2 ** 40, 1.0)), (b'%*d', (-5, 3)), (b'%*d', (2.0, 3)),
             (b'%(a)*d', {b'a': 5}), (b'%5%', ()), (b'%5%', (1,)), (b'%z', (1,)), (b'%z.1f', -0.01),
             (b'%z+08.2f', -0.001), (b'%z.1e', -0.01), (b'%r', b'\xff'), (b'%a', 'caf\xe9'),
             (b'%.2a', 'caf\xe9'), (b'%\xff', 1), (b'%\x80x', ()), (b'%(a', {}), (b'ab%', ()),
             (b'%d', '1'), (b'%x', 1.5), (b'%c', 2 ** 70), (b'%c', 1.0), (b'%-05d|%05s', (-3, b'a')),
             (b'%#08x|%#o|%#X', (255, 8, 255)), (b'%+.3e|% g|%G', (1234.5, 1e-10, 1e20)),
             (b'%(x(y))s', {b'x(y)': b'ok'}), (b'%(a)s', (1,)), (b'%d%%', 5), (b'%s', 'str')]
    for f, a in fixed:
        case(T(f), '__mod__', [a])


def gen_memoryview(scale):
    for _ in range(100 * scale):
        inner = R.choice([rbytes(R.choice([0, 4, 8, 12])), bytearray(rbytes(R.choice([0, 4, 8])))])
        mv = mkmv(inner)
        m = R.choice(['tolist', 'tobytes', 'hex', '__getitem__', '__len__', '$list', '$hash', '__eq__'])
        if m == '__getitem__':
            case(mv, m, [R.choice([rint(-10, 10), rslice()])])
        elif m == '__eq__':
            case(mv, m, [R.choice([bytes(inner), rbytes(4)])])
        else:
            case(mv, m, [])


def main():
    out, kind = sys.argv[1], sys.argv[2]
    scale = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    if kind == 'main':
        gen_list(scale)
        gen_sort(scale)
        gen_set(scale)
        gen_range(scale)
        gen_slice(scale)
        gen_bytes(scale)
        gen_bytes(scale, ba=True)
        gen_bytes_format(scale)
        gen_bytes_format(scale, ba=True)
        gen_memoryview(scale)
    else:
        gen_setorder(scale)
    with open(out, 'w') as f:
        f.write('\n'.join(OUT) + '\n')


main()
