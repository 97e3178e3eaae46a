"""Cases for the builtins module, evaluated by python3.11 at build time.

Writes OUT: lines "name\\targs\\tkwargs\\tmode\\texpected" where args is a
pylit tuple, kwargs a pylit dict, mode 'r' (repr of the result) or 'l'
(repr of list(result): iterators), and expected the repr or
"!ExcType: message" (tests/unit/builtins/builtins_shim.c calls the
function of the builtins module with them)."""
import builtins
import random
import sys

out = sys.argv[1]
rng = random.Random(11)
cases = []


def add(name, args='()', kwargs='{}', mode='r'):
    cases.append((name, args, kwargs, mode))


def tup(*items):
    return '(' + ''.join(i + ', ' for i in items) + ')'


ints = ['0', '1', '-1', '7', '-7', '255', '-256', '2**31', '-2**31', '2**63', '-2**64', '10**20', 'True', 'False']
floats = ['0.0', '-0.0', '1.5', '-2.5', '2.675', '1e300', '-1e-300', '3.14159', "float('inf')", "float('nan')", '0.5',
          '1234.5678']
others = ["'a'", "''", "'abc'", "b'x'", '[]', '[1, 2]', '()', '(1,)', '{}', '{1: 2}', 'None', '1j', "bytearray(b'ab')",
          '{1, 2}', 'range(3)', 'int', 'str']
everything = ints + floats + others

# one-argument functions over everything
for name in ['abs', 'all', 'any', 'ascii', 'bin', 'callable', 'chr', 'hash', 'hex', 'len', 'oct', 'ord', 'repr', 'iter',
             'sorted', 'sum', 'min', 'max', 'round', 'format', 'dir', 'vars', 'reversed', 'enumerate', 'zip', 'next']:
    for v in everything:
        if name == 'hash' and v in ('None', 'int', 'str', "float('nan')"):
            continue  # address-based
        if name == 'dir' and v not in ("'a'", '[]', 'int', 'None', '1j', '{}'):
            continue
        mode = 'l' if name in ('iter', 'reversed', 'enumerate', 'zip') else 'r'
        add(name, tup(v), mode=mode)
# argument count errors
for name in ['abs', 'all', 'any', 'ascii', 'bin', 'callable', 'chr', 'divmod', 'format', 'getattr', 'hasattr', 'hash',
             'hex', 'isinstance', 'issubclass', 'iter', 'len', 'max', 'min', 'next', 'oct', 'ord', 'pow', 'repr',
             'round', 'setattr', 'delattr', 'sorted', 'sum', 'vars', 'dir', 'enumerate', 'zip', 'map', 'filter',
             'reversed', 'aiter', 'anext', 'globals', 'locals', '__build_class__', '__import__', 'open']:
    for args in ([] if name in ('dir', 'vars', 'globals', 'locals', 'exec', 'eval') else ['()']) + ['(1, 2, 3, 4)', '([1], [2], [3], [4], [5], [6], [7], [8], [9])']:
        add(name, args)
    add(name, '([1],)', "{'xyz': 1}")
    add(name, '()', "{'xyz': 1}")

# numbers
for _ in range(300):
    a = rng.choice(ints + floats + ["'s'", '1j', '-3j', 'None'])
    b = rng.choice(ints + floats + ["'s'", '1j', 'None'])
    add('divmod', tup(a, b))
    add('pow', tup(a, rng.choice(['0', '1', '-1', '3', '0.5', '-2.5', "'s'", 'None', '1j', '2'])))
    add('pow', tup(rng.choice(ints), rng.choice(['0', '1', '5', '-1', '3', '20', '2**40', '2**100']),
                   rng.choice(['0', '1', '7', '-7', '10**9+7', '2**70', '2.0'])))
    add('pow', tup(rng.choice(ints), rng.choice(['0', '1', '3', '-1']), 'None'))
    add('round', tup(a))
    add('round', tup(a, rng.choice(['0', '1', '2', '-1', '-2', '5', 'None', "'x'", '1.5', '400', '-400'])))
for _ in range(200):
    x = rng.choice([rng.randint(-10**6, 10**6), rng.randint(-2**100, 2**100), rng.randint(-300, 300)])
    for name in ['bin', 'oct', 'hex']:
        add(name, tup(str(x)))
    add('chr', tup(str(rng.randint(-2, 0x110002))))
    f = repr(rng.uniform(-1e6, 1e6))
    add('round', tup(f, str(rng.randint(-4, 6))))
    add('round', tup(f))
    add('abs', tup(str(x)))
    add('abs', tup(f))
    add('format', tup(str(x), rng.choice(["'x'", "'>12'", "',d'", "'b'", "'+#o'", "'.3e'", "'q'", "''"])))
    add('format', tup(f, rng.choice(["'.2f'", "'e'", "'%'", "'>20.3g'", "'x'", "''", "',.1f'"])))
for v in ['0', '1', '200', '0x10ffff', '0x110000', '-1', '2**31', '-2**31', '2**70', '-2**70', '1.5', "'a'", 'True']:
    add('chr', tup(v))
for v in ["'a'", "'é'", "'€'", "'\\U0001f600'", "b'a'", "b'\\xff'", "bytearray(b'z')", "bytearray(b'zz')", "b''",
          "'ab'", "''", '1', 'None']:
    add('ord', tup(v))

# iteration helpers
lists = ['[3, 1, 2]', '[]', "['b', 'A', 'c']", '[1, -5, 3, -2]', '[2.5, 1, -3]', "[1, 'a']", '[[2], [1, 0], []]',
         "'hello'", '(5, 4, 4, 1)', 'range(10)', '{3: 1, 1: 2}', "[(1, 'b'), (1, 'a'), (0, 'z')]", '[True, 0, 2]']
keys = ['None', 'abs', 'len', 'str', 'str.lower', '(-1).__mul__', 'int', 'repr']
for l in lists:
    for k in keys:
        add('sorted', tup(l), "{'key': %s}" % k)
        add('sorted', tup(l), "{'key': %s, 'reverse': True}" % k)
        add('min', tup(l), "{'key': %s}" % k)
        add('max', tup(l), "{'key': %s}" % k)
    add('sorted', tup(l), "{'reverse': 1}")
    add('sorted', tup(l), "{'reverse': 'x'}")
    add('min', tup(l), "{'default': 'd'}")
    add('max', tup(l), "{'default': None}")
    add('sum', tup(l))
    add('sum', tup(l), "{'start': 10}")
    add('sum', tup(l, '[]'))
    add('sum', tup(l, '0.5'))
    add('sum', tup(l, "''"))
    add('sum', tup(l, "b''"))
    add('sum', tup(l, "bytearray()"))
    add('all', tup(l))
    add('any', tup(l))
    add('enumerate', tup(l), mode='l')
    add('enumerate', tup(l, '-2'), mode='l')
    add('enumerate', tup(l, '2**63-2'), mode='l')
    add('enumerate', tup(l, '-2**70'), mode='l')
    add('enumerate', tup(l), "{'start': True}", mode='l')
    add('enumerate', '()', "{'iterable': %s, 'start': 5}" % l, mode='l')
    add('enumerate', tup(l), "{'iterable': 1}", mode='l')
    add('enumerate', tup(l, '1.5'), mode='l')
    add('reversed', tup(l), mode='l')
    add('iter', tup(l), mode='l')
    add('map', tup('abs', l), mode='l')
    add('map', tup('pow', l, l), mode='l')
    add('map', tup('len', l), mode='l')
    add('map', tup('len', l), "{'f': 1}", mode='l')
    add('filter', tup('None', l), mode='l')
    add('filter', tup('bool', l), mode='l')
    add('filter', tup('len', l), mode='l')
    add('filter', tup('abs', l), mode='l')
    for l2 in ['[1, 2]', "'ab'", '[]', 'range(3)', '[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]']:
        add('zip', tup(l, l2), mode='l')
        add('zip', tup(l, l2), "{'strict': True}", mode='l')
        add('zip', tup(l, l2, l), "{'strict': True}", mode='l')
        add('zip', tup(l2, l2, l), "{'strict': 1}", mode='l')
        add('min', tup(l, l2))
        add('max', tup(l, l2), "{'key': len}")
    add('min', tup(l, '[0]'), "{'default': 1}")
    add('zip', tup(l), "{'strict': True, 'x': 1}", mode='l')
    add('zip', tup(l), "{'x': 1}", mode='l')
    add('zip', '()', mode='l')
    add('next', tup(l))
for nx in ['iter([1])', 'iter([])', 'reversed([1, 2])', 'reversed([])', "iter('a')", '1', '[1]']:
    add('next', tup(nx))
    add('next', tup(nx, "'dflt'"))
for seq in ['range(5)', "'abc'", '[1, 2, 3]', '(1,)', "b'xyz'", '{1: 2}', '{1, 2}', '1', 'None', "bytearray(b'ab')",
            'range(10, 0, -3)', '{}.keys()']:
    add('reversed', tup(seq), mode='l')
    add('reversed', tup(seq), "{'seq': 1}", mode='l')

# attributes and types
for o in ["'abc'", '1', '[]', 'int', 'None', '1.5']:
    for n in ["'real'", "'upper'", "'__class__'", "'nope'", '1', "'__doc__'", "'append'", "'__name__'"]:
        if n in ("'upper'", "'append'", "'__doc__'") or o in ('int',):
            # methods repr with addresses / long docs
            add('hasattr', tup(o, n))
            continue
        add('getattr', tup(o, n))
        add('getattr', tup(o, n, "'dflt'"))
        add('hasattr', tup(o, n))
    add('setattr', tup(o, "'x'", '1'))
    add('setattr', tup(o, '1', '1'))
    add('delattr', tup(o, "'x'"))
    add('delattr', tup(o, "'real'"))
    add('delattr', tup(o, 'None'))
    add('vars', tup(o))
for o in ['1', 'True', "'a'", '[]', 'int', 'None', '1.5', 'ValueError()', 'KeyError()']:
    for c in ['int', 'bool', 'object', '(int, str)', '(list, (float, bool))', '1', '(int, 1)', 'type', 'Exception',
              'LookupError', 'BaseException', '()']:
        add('isinstance', tup(o, c))
        add('issubclass', tup(o, c))
for o in ['int', 'bool', 'str', 'KeyError', 'type', 'object', 'ValueError', 'ZeroDivisionError']:
    for c in ['int', 'object', '(str, int)', 'LookupError', 'ArithmeticError', 'Exception', '(1,)', 'type']:
        add('issubclass', tup(o, c))
for v in ['1', "'a'", '[]', '1.5', '(1, 2)', "b'x'", 'None', 'True', '{1: [2]}', "'é\\n'", "'\\U0001f600'"]:
    add('ascii', tup(v))
    add('repr', tup(v))
    for spec in ["''", "'>5'", "'x'", "'s'", "'^9'"]:
        add('format', tup(v, spec))
    add('format', tup(v, '1'))
    add('callable', tup(v))
for v in ['len', 'int', 'str.upper', '1', 'None', "'a'.upper"]:
    add('callable', tup(v))
    add('iter', tup(v, '1'), mode='r')
for f in ['pow', 'round', 'sum', 'sorted', 'min', 'max']:
    add(f, '()', "{'base': 2, 'exp': 10}")
    add(f, '(2,)', "{'exp': 10, 'mod': 7}")
    add(f, '()', "{'number': 2.567, 'ndigits': 1}")
    add(f, '([1, 2],)', "{'start': 5}")
    add(f, '([1, 2],)', "{'iterable': 5}")
add('sum', '([1], 2)', "{'start': 5}")
add('pow', '(2, 3)', "{'base': 5}")
add('__import__', '(1,)')
add('__import__', "('',)")
add('__import__', "('x',)", "{'level': -1}")
add('__import__', "('x',)", "{'level': 'a'}")
add('__build_class__', '(1, 2)')
add('__build_class__', "(len, 'A')")
add('__build_class__', '(len,)')
add('aiter', '(1,)')
add('anext', '(1,)')
add('open', '()')
add('open', "('x',)", "{'bogus': 1}")
add('compile', '()')
add('compile', "('1', 'f', 'bad')")
add('compile', "(1, 'f', 'exec')")
add('compile', "('x', 'f', 'exec')", "{'flags': 1 << 30}")
add('compile', "('x', 1, 'exec')")
add('compile', "('x', 'f', 'exec')", "{'optimize': 5}")
add('compile', "('x', 'f', 'func_type')")
add('exec', '()')
add('exec', "('x', 1)")
add('exec', "('x', {}, 1)")
add('exec', "('x', {}, {}, {})")
add('exec', "('x', {})", "{'closure': 1}")
add('exec', "('x\\0', {})")
add('eval', '()')
add('eval', '(1, {})')
add('eval', "('x', 1)")
add('eval', "('x', [])")
add('eval', "('x', {}, 1)")
add('eval', "('x',)", "{'y': 1}")

with open(out, 'w') as f:
    for name, args, kwargs, mode in cases:
        fn = getattr(builtins, name)
        try:
            a = eval(args)
            k = eval(kwargs)
            r = fn(*a, **k)
            if mode == 'l':
                r = list(r)
            want = repr(r)
        except Exception as e:
            want = '!%s: %s' % (type(e).__name__, e)
        want = want.replace('\\', '\\\\').replace('\n', '\\n')
        if ' at 0x' in want:
            continue
        f.write('%s\t%s\t%s\t%s\t%s\n' % (name, args, kwargs, mode, want))
