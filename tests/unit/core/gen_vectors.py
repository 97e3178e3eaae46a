"""Vector cases for the core types, evaluated by python3.11 at build time.

Writes two files into OUTDIR:
  exprs.txt   "expr\\texpected" lines: pylit expressions (tests/support/pylit.h)
              and repr(result) or "!ExcType: message"
  dictops.txt "ops\\texpected" lines: a sequence of dict operations
              (s KEY / d KEY / p / c KEY) and the repr of list(d.items())
              afterwards, for insertion-order and probing checks.
Run under PYTHONHASHSEED=0 (and other seeds for hash-dependent cases)."""
import builtins
import random
import sys

out = sys.argv[1]
rng = random.Random(4)

def outcome(expr):
    try:
        v = eval(expr, {'__builtins__': builtins})
    except Exception as e:
        return '!%s: %s' % (type(e).__name__, e)
    try:
        r = repr(v)
    except Exception as e:
        return '!%s: %s' % (type(e).__name__, e)
    return r

exprs = []
add = exprs.append

# --- tuple ---
atoms = ['1', '-2', "'a'", "'bc'", 'None', 'True', '2.5', '()', '(1,)', '[1, 2]', "b'x'", '(1, (2, 3))', '0', "''"]
for _ in range(400):
    a = '(' + ', '.join(rng.choice(atoms) for _ in range(rng.randint(0, 4))) + ',)'
    a = a.replace('(,)', '()')
    b = '(' + ', '.join(rng.choice(atoms) for _ in range(rng.randint(0, 4))) + ',)'
    b = b.replace('(,)', '()')
    i, j, k = rng.randint(-6, 6), rng.randint(-6, 6), rng.choice([1, 2, -1, -2, 3])
    add(a)
    add('%s + %s' % (a, b))
    add('%s * %d' % (a, rng.randint(-1, 3)))
    add('%d * %s' % (rng.randint(-1, 3), a))
    add('%s[%d]' % (a, i))
    add('%s[%d:%d]' % (a, i, j))
    add('%s[%d:%d:%d]' % (a, i, j, k))
    add('%s[::-1]' % a)
    add('%s == %s' % (a, b))
    add('%s < %s' % (a, b))
    add('%s >= %s' % (a, b))
    add('%s != %s' % (a, b))
    add('len(%s)' % a)
    add('%s.count(%s)' % (a, rng.choice(atoms)))
    add('%s.index(%s)' % (a, rng.choice(atoms)))
    add('%s in %s' % (rng.choice(atoms), a))
    if 'None' not in a:  # hash(None) is address-based in 3.11
        add('hash(%s)' % a)
    add('tuple(%s)' % b)
for e in ['tuple()', 'tuple([1, 2])', "tuple('abc')", 'tuple(1)', 'tuple(1, 2)', 'tuple(x=1)',
          "(1, 2)['a']", '(1, 2)[5]', '(1, 2) + [3]', "(1, 2) * 'a'", '(1, 2).index(3)',
          '(1, 2, 1).index(1, 1)', '(1, 2, 1).index(1, 1, 2)', '(1, 2, 1).index(1, -1)', '(1, [2]) < (1, 3)',
          '((1, 2),) * 2', '(1, 2).__getnewargs__()', 'type(())', 'iter((1, 2)).__length_hint__()',
          'list(iter((1, 2, 3)))', 'hash(((), (1,), ("a", 2.5)))', 'hash((1, [2]))', 'tuple.__doc__',
          '(1, 2).__len__()', '(1, 2).__getitem__(0)', 'tuple.__add__((1,), (2,))', '(1,).__mul__(3)',
          '(1,).__rmul__(2)', '(1, 2).__contains__(2)', '(1, 2).__hash__() == hash((1, 2))',
          'tuple.__new__(tuple, [1])', 'sorted(dir(()))', 'sorted(tuple.__dict__)']:
    add(e)

# --- dict ---
keys = ['1', '2', "'a'", "'b'", "'xyz'", '3.0', 'None', '(1, 2)', 'True', "'é'", '-1', '2**40', '1.5']
for _ in range(400):
    items = ', '.join('%s: %s' % (rng.choice(keys), rng.choice(atoms)) for _ in range(rng.randint(0, 6)))
    d = '{' + items + '}'
    d2 = '{' + ', '.join('%s: %s' % (rng.choice(keys), rng.choice(atoms)) for _ in range(rng.randint(0, 4))) + '}'
    k = rng.choice(keys)
    add(d)
    add('%s[%s]' % (d, k))
    add('%s.get(%s)' % (d, k))
    add('%s.get(%s, 0)' % (d, k))
    add('%s in %s' % (k, d))
    add('list(%s)' % d)
    add('list(%s.items())' % d)
    add('list(%s.values())' % d)
    add('list(reversed(%s))' % d)
    add('list(reversed(%s.items()))' % d)
    add('%s | %s' % (d, d2))
    add('%s == %s' % (d, d2))
    add('%s.keys() & %s.keys()' % (d, d2))
    add('%s.keys() - %s.keys()' % (d, d2))
    add('%s.keys() == %s.keys()' % (d, d2))
    add('%s.items() <= %s.items()' % (d, d2))
    add('%s.keys().isdisjoint(%s)' % (d, d2))
    add('%s.pop(%s)' % (d, k))
    add('%s.pop(%s, 7)' % (d, k))
    add('%s.popitem()' % d)
    add('%s.setdefault(%s, 9)' % (d, k))
    add('%s.copy()' % d)
    add('len(%s)' % d)
    add('%s.keys()' % d)
    add('%s.values()' % d)
    add('%s.items()' % d)
    add('dict(%s, z=1)' % d)
    add('dict.fromkeys(%s)' % d)
    add('dict.fromkeys(%s, 0)' % d)
    add('dict(%s.items())' % d)
    add('%s.update(%s)' % (d, d2))
    add('(%s, %s) in %s.items()' % (k, rng.choice(atoms), d))
for e in ['dict()', 'dict(a=1, b=2)', 'dict([(1, 2), (3, 4)])', 'dict([1])', 'dict([[1]])', 'dict(1)', 'dict(1, 2)',
          '{}[1]', '{}[[]]', '{[]: 1}', '{}.pop()', '{}.pop(1)', '{}.popitem()', '{}.get()', '{}.update(1, 2)',
          '{}.update([(1, 2)], a=3)', '{} | 1', '{}.keys() | [1, 2]', '{1: 2}.items() | {(3, 4)}',
          '{1: 2}.keys() ^ {2, 3}', '{1: 2}.keys().mapping', 'type({}.keys())', 'type(iter({}))',
          'type(iter({}.values()))', 'type(reversed({}.items()))', '{1: 2}.__contains__(1)', '{1: 2}.__getitem__(1)',
          '{1: 2}.__len__()', 'dict.fromkeys("abc")', 'dict.fromkeys(1)', '{}.keys(1)', '{}.copy(1)',
          'sorted(dir({}))', 'sorted(dict.__dict__)', 'dict.__dict__["fromkeys"]', 'dict.fromkeys.__self__',
          '{1: 2} == {1: 2.0}', '{1: 2} != {1: 3}', '{1: 2} < {1: 3}', 'hash({})', '{True: 1, 1: 2, 1.0: 3}',
          '{0: 1, False: 2}', '{"a": {"b": {}}}', 'list({1: 2}.keys().__reversed__())', 'dict.__hash__',
          '{}.__class__', 'iter({}).__length_hint__()', 'iter({1: 2, 3: 4}).__length_hint__()',
          'dict(zip=1)', 'dict({1: 2}, **{"a": 3})', '{1: 1}.keys() < {1: 1, 2: 2}.keys()', '{1: 1}.values() == {1: 1}.values()']:
    add(e)

# --- type / object / descriptors ---
for e in ['type(1)', 'type(type)', 'type(object)', 'type("A", (), {})', 'type("A", (), {}).__name__',
          'type("A", (), {}).__mro__', 'type("A", (), {}).__bases__', 'type("A", (int,), {}).__mro__',
          'type("A", (int,), {})(5)', 'type("A", (), {"x": 1}).x', 'type("A", (), {"x": 1})().x',
          'type("A", (), {})().y', 'type("A", (), {}).y', 'type("A", (), {"__slots__": ("a",)})().a',
          'type("A", (), {"__slots__": 1})', 'type("A", (), {"__slots__": ("1",)})', 'type("A", (bool,), {})',
          'type("A", (int, str), {})', 'type(1, 2)', 'type("A", 1, {})', 'type("A", (), 1)', 'type("A", (1,), {})',
          'type("A", (), {"__qualname__": "B.A"})', 'type("A", (), {"__qualname__": 1})',
          'type("A", (), {"__module__": "m"})', 'type("A", (), {"__module__": "m"})().__class__',
          'type("A", (), {"__doc__": "d"}).__doc__', 'type("A", (), {}).__doc__', 'type("A", (), {}).__dict__["__doc__"]',
          'sorted(type("A", (), {}).__dict__)', 'type("A", (dict,), {})(a=1)', 'type("A", (tuple,), {})([1, 2])',
          'type("A", (list,), {})([1, 2])', 'len(type("A", (list,), {})([1, 2]))', 'type("A", (dict,), {}).__mro__',
          'int.__mro__', 'bool.__mro__', 'object.__mro__', 'type.__mro__', 'int.mro()', 'bool.__bases__', 'object.__bases__',
          'int.__base__', 'object.__base__', 'int.__name__', 'int.__qualname__', 'int.__module__', 'dict.__module__',
          'type.__dict__["__name__"]', 'object.__dict__["__eq__"]', 'object.__dict__["__init_subclass__"]',
          'int.__dict__["__add__"]', 'list.__dict__["append"]', 'type.__dict__["mro"]', 'type.__dict__["__dict__"]',
          'list.append.__name__', 'list.append.__qualname__', 'int.__add__.__qualname__', 'type.__name__.__class__',
          'int.__add__(1, 2)', 'int.__add__(1, "a")', 'int.__add__("a", 1)', 'int.__add__()', 'list.append()',
          'list.append(1, 2)', 'object.__new__(1)', 'object.__new__(int)', 'object(1)', 'object().__eq__(1)',
          'object().__ne__(1)', 'object().__eq__()', 'object().__lt__(1)', 'object() == object()', 'object.__init_subclass__()',
          'object().__format__("")', 'object().__format__("x")', 'format(object(), "x")', 'object().__sizeof__()',
          'sorted(object.__dict__)', 'sorted(type.__dict__)', 'sorted(dir(object))', 'sorted(dir(1))[:10]',
          'type.__dict__["__mro__"].__get__(int)', 'isinstance(1, int)', 'isinstance(True, int)', 'isinstance(1, (str, int))',
          'isinstance(1, str)', 'isinstance(1, 1)', 'issubclass(bool, int)', 'issubclass(int, bool)', 'issubclass(1, int)',
          'issubclass(int, (str, object))', 'int.__instancecheck__(1)', 'int.__subclasscheck__(bool)',
          'type.__subclasscheck__(int, 1)', 'None.__class__', 'type(None)()', 'type(None)(1)', 'type(...)', 'type(...)()',
          'type(NotImplemented)', 'repr(None)', 'repr(...)', 'repr(NotImplemented)', 'hash(None) == hash(None)',
          'None.__bool__()', 'bool(None)', 'bool(NotImplemented)', 'NotImplemented.__reduce__()', 'Ellipsis.__reduce__()',
          'int.__dict__["__new__"].__self__', 'int.x', 'setattr(int, "x", 1)', 'setattr(object(), "x", 1)',
          'getattr(1, 2)', 'getattr(1, "real")', 'getattr(1, "zz", 5)', 'hasattr(1, "zz")', 'hasattr(1, "real")',
          'type("A", (), {}).__init_subclass__', 'type("A", (), {"__eq__": 1}).__hash__', 'object.__hash__',
          'int.__hash__(5)', 'callable(int)', 'callable(1)', 'type("A", (), {}).mro()', 'type.mro(int)',
          'type.__prepare__()', 'type.__prepare__("a", (), x=1)', 'object.__subclasshook__()', 'int.__dict__["from_bytes"]',
          'type("M", (type,), {})("A", (), {})', 'type(type("M", (type,), {})("A", (), {}))',
          'type("A", (), {}).__weakref__', 'type("A", (), {})().__weakref__', 'type("A", (), {})().__dict__',
          'type("A", (), {"__slots__": ()})().__dict__', 'type("A", (), {"__slots__": ("__dict__",)})().__dict__',
          'type("A", (), {"__slots__": ("__dict__", "__dict__")})', 'sorted(type("A", (), {"__slots__": ("b", "a")}).__dict__)',
          'type("A", (), {"__slots__": ("__x",)}).__dict__["_A__x"]', 'type("A", (), {"__slots__": ("a",), "a": 1})',
          'type("A", (), {}).__basicsize__ > object.__basicsize__', 'object.__basicsize__', 'type.__base__',
          'type.__basicsize__ > 0', 'int.__flags__ & (1 << 24) != 0', 'dict.__flags__ & (1 << 29) != 0',
          'type("A", (int,), {}).__flags__ & (1 << 24) != 0', 'object().__class__', 'object().__dir__().__class__',
          'sorted(object().__dir__())', 'int.__init__', 'int.__repr__', '(1).__add__', 'type(1).__add__',
          'type((1).__add__)', 'type(list.append)', 'type([].append)', 'type(int.__add__)', 'type(int.__dict__["__new__"])',
          'type(object.__init_subclass__)', 'type(type.__dict__["__name__"])', 'type(type.__dict__["__dict__"])',
          'type(int.__dict__)', 'int.__dict__["__add__"].__objclass__', 'int.__add__.__name__', 'len.__name__', 'len',
          'repr(len)', 'type(len)', 'type.__call__(int, "5")', 'int.__new__(int, 5)',
          'int.__new__(bool, 5)', 'int.__new__(str)', 'int.__new__()', 'str.__new__(type("S", (str,), {}), "x")',
          'type("A", (type("B", (), {}),), {}).__mro__[1].__name__', 'type("A", (), {})() != 1',
          'type.__dict__["__name__"].__set__(int, "x")', 'type.__dict__["__name__"].__get__(1)']:
    add(e)

# --- exceptions ---
for e in ['ValueError()', 'ValueError(1)', 'ValueError(1, 2)', 'str(ValueError())', 'str(ValueError(1))', 'str(ValueError(1, 2))',
          'KeyError("a")', 'str(KeyError("a"))', 'str(KeyError())', 'str(KeyError(1, 2))', 'ValueError(x=1)',
          'ValueError(1).args', 'StopIteration(3).value', 'StopIteration().value', 'SystemExit().code', 'SystemExit(1).code',
          'SystemExit(1, 2).code', 'ImportError("a", name="n").name', 'ImportError(x=1)', 'ImportError("a").msg',
          'ImportError("a", "b").msg', 'str(ImportError())', 'str(ImportError("m"))', 'ModuleNotFoundError("m", name="x").name',
          'OSError(2, "x")', 'OSError(2, "x", "f")', 'str(OSError(2, "No such", "f"))', 'str(OSError(2, "x", "f", None, "g"))',
          'str(OSError(2, "x"))', 'str(OSError(1))', 'type(OSError(2, "x"))', 'type(OSError(13, "x"))', 'type(OSError(11, "x"))',
          'type(OSError(99999, "x"))', 'OSError(2, "x", "f").args', 'OSError(2, "x", "f").filename', 'OSError(2, "x").errno',
          'OSError(2, "x").strerror', 'OSError(1).errno', 'BlockingIOError(1, "a", 3).characters_written',
          'OSError().characters_written', 'OSError(x=1)', 'FileNotFoundError.__mro__', 'ConnectionResetError.__mro__',
          'str(SyntaxError("m", ("/a/b.py", 3, 4, "x", 3, 5)))', 'str(SyntaxError("m", (None, 3, 4, "x")))',
          'str(SyntaxError("m", ("f", None, 4, "x")))', 'SyntaxError("m", ("f", 1, 2, "t")).text', 'SyntaxError("m").msg',
          'SyntaxError("m", ("f", 1, 2, "t", 3, 4)).end_offset', 'IndentationError.__mro__', 'TabError.__mro__',
          'str(UnicodeDecodeError("utf-8", b"\\xff\\xfe", 0, 1, "bad"))', 'str(UnicodeDecodeError("utf-8", b"\\xff\\xfe", 0, 2, "bad"))',
          'str(UnicodeEncodeError("ascii", "\\xe9\\u1234", 0, 1, "bad"))', 'str(UnicodeEncodeError("ascii", "\\xe9\\u1234", 1, 2, "bad"))',
          'str(UnicodeEncodeError("ascii", "\\xe9\\u1234", 0, 2, "bad"))', 'UnicodeDecodeError("utf-8", b"ab", 0, 1, "r").start',
          'UnicodeDecodeError("utf-8", b"ab", 0, 1, "r").object', 'str(UnicodeTranslateError("\\xe9", 0, 1, "bad"))',
          'ExceptionGroup("m", [ValueError(1)])', 'str(ExceptionGroup("m", [ValueError(1), KeyError(2)]))',
          'type(BaseExceptionGroup("m", [ValueError()]))', 'type(BaseExceptionGroup("m", [KeyboardInterrupt()]))',
          'ExceptionGroup("m", [KeyboardInterrupt()])', 'ExceptionGroup("m", [])', 'ExceptionGroup(1, [])', 'ExceptionGroup("m")',
          'ExceptionGroup("m", [1])', 'ExceptionGroup("m", [ValueError()]).exceptions', 'ExceptionGroup("m", [ValueError()]).message',
          'ExceptionGroup.__mro__', 'BaseExceptionGroup.__mro__', 'ValueError(1).add_note(1)', 'ValueError(1).add_note("n")',
          'ValueError(1).with_traceback(None)', 'ValueError(1).__context__', 'ValueError(1).__cause__', 'ValueError(1).__suppress_context__',
          'ValueError(1).__traceback__', 'ValueError(1).__dict__', 'ValueError(1).__reduce__()', 'NameError("x", name="y").name',
          'AttributeError("x", name="a", obj=1).obj', 'NameError(x=1)', 'UnboundLocalError.__mro__', 'RecursionError.__mro__',
          'NotImplementedError.__mro__', 'KeyError.__mro__', 'ZeroDivisionError.__mro__', 'UnicodeDecodeError.__mro__',
          'sorted(BaseException.__dict__)', 'sorted(dir(ValueError()))', 'BaseException.__doc__', 'ValueError.__doc__',
          'sorted(OSError.__dict__)', 'sorted(SyntaxError.__dict__)', 'sorted(StopIteration.__dict__)', 'Warning.__mro__',
          'type("E", (Exception,), {})(1)', 'type("E", (Exception,), {})(x=1)', 'str(type("E", (KeyError,), {})(1))',
          'type("E", (OSError,), {})(2, "x")', 'ValueError.__new__(ValueError, 1, 2).args', 'BaseException.__new__(1)',
          'issubclass(KeyError, LookupError)', 'isinstance(KeyError(), Exception)', 'ValueError("a") == ValueError("a")']:
    add(e)

def address_dependent(e):
    # hash(None) is address-based in 3.11: set orders involving None differ.
    return 'None' in e and any(op in e for op in ('keys() &', 'keys() -', 'keys() |', 'keys() ^', 'items() |'))

with open(out + '/exprs.txt', 'w', encoding='utf-8') as f:
    n = 0
    for e in exprs:
        if address_dependent(e):
            continue
        r = outcome(e)
        if ' at 0x' in r or '\n' in e or '\t' in e:
            continue
        r = r.replace('\\', '\\\\').replace('\n', '\\n')
        f.write('%s\t%s\n' % (e, r))
        n += 1

# --- dict operation sequences ---
def rand_key(pool):
    return rng.choice(pool)

with open(out + '/dictops.txt', 'w', encoding='utf-8') as f:
    for case in range(600):
        nk = rng.choice([5, 20, 60, 200])
        pool = []
        for i in range(nk):
            kind = rng.random()
            if kind < 0.4:
                pool.append(repr(rng.randint(-50, 10**rng.randint(1, 12))))
            elif kind < 0.8:
                pool.append(repr(''.join(rng.choice('abcdefxyz_é') for _ in range(rng.randint(0, 6)))))
            elif kind < 0.9:
                pool.append(repr(rng.random() * 100))
            else:
                pool.append(repr((rng.randint(0, 9), 'k')))
        d = {}
        ops = []
        for _ in range(rng.randint(1, 3 * nk)):
            r = rng.random()
            k = rand_key(pool)
            if r < 0.6:
                ops.append('s ' + k)
                d[eval(k)] = len(ops)
            elif r < 0.85:
                ops.append('d ' + k)
                d.pop(eval(k), None)
            elif r < 0.9 and d:
                ops.append('p')
                d.popitem()
            elif r < 0.95:
                ops.append('c ' + k)
                d.setdefault(eval(k), len(ops))
            else:
                ops.append('x')
                d = dict(d)
        f.write('%s\t%s\n' % ('|'.join(ops), repr(list(d.items())).replace('\\', '\\\\')))
