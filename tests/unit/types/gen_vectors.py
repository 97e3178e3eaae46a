"""Vector cases for types.GenericAlias and types.UnionType, evaluated by
python3.11 at build time (pylit expressions, tests/support/pylit.h).

Writes OUTDIR/exprs.txt: "expr\\texpected" lines, expected being
repr(result) or "!ExcType: message"."""
import builtins
import random
import sys

out = sys.argv[1]
rng = random.Random(6)


def outcome(expr):
    try:
        v = eval(expr, {'__builtins__': builtins})
    except Exception as e:
        return '!%s: %s' % (type(e).__name__, e)
    try:
        return repr(v)
    except Exception as e:
        return '!%s: %s' % (type(e).__name__, e)


# list, set, frozenset and type have their own __class_getitem__ (containers
# and core groups) that does not make a GenericAlias yet: PENDING holds their
# cases; move them into `exprs` once they do.
PENDING = ['list[int]', 'list[...]', 'list[[int, str]]']

exprs = [
    'tuple[int]', 'dict[str, int]', 'dict[str, tuple[int]]', 'tuple[int, ...]', 'tuple[()]', 'tuple[int]',
    'tuple[int].__args__', 'tuple[int].__origin__', 'tuple[int].__parameters__', 'dict[str, int].__args__',
    'tuple[int] == tuple[int]', 'tuple[int] == tuple[str]', 'tuple[int] != tuple[int]', 'tuple[int] == list',
    'hash(tuple[int]) == hash(tuple[int])', 'tuple[int]()', 'tuple[int]([1, 2])', 'dict[str, int](a=1)',
    'type(tuple[int])', 'tuple[int].__class__', 'isinstance([], tuple[int])', 'issubclass(list, tuple[int])',
    'tuple[int][int]', 'tuple[int].append', 'tuple[int].__mro_entries__((1,))', 'tuple[int].__reduce__()',
    'tuple[int] | None', 'None | tuple[int]', 'tuple[int] | tuple[int]', 'tuple[tuple[int]]',
    'tuple[int, str][0]', 'tuple[...]', 'dict[[int, str], int]', 'dict[str, int | None]',
    'int | str', 'int | None', 'None | int', 'int | int', 'int | str | int', '(int | str).__args__',
    '(int | str) == (str | int)', '(int | str) == (int | float)', 'hash(int | str) == hash(str | int)',
    'isinstance(1, int | str)', "isinstance('a', int | str)", 'isinstance(1.5, int | str)',
    'isinstance(None, int | None)', 'isinstance(1, tuple[int] | str)', 'isinstance(1, str | int | tuple[int])',
    'issubclass(bool, int | str)', 'issubclass(float, int | str)', 'issubclass(1, int | str)', 'int | 1', '1 | int',
    'type(int | str)', '(int | str)[int]', '(int | tuple[int]).__args__', 'str | tuple[int] | tuple[int]',
    'int | str | float | None', '(int | str) | (float | int)', 'type | int', 'object | type', 'int | type(None)',
    '(int | str).__parameters__', 'tuple[int] | dict[str, int]', 'repr(int | dict[str, tuple[int, ...]])',
    'isinstance(int | str, type)', 'int.__or__(str)', 'int.__ror__(str)', 'int.__or__(1)',
    'tuple.__class_getitem__(int)', 'dict.__class_getitem__((int, str))', 'tuple[int, str].__args__',
    '(tuple[int] | None).__args__', 'len((int | str | bytes).__args__)', 'getattr(tuple[int], "__origin__")',
    'getattr(tuple[int], "nope")', 'tuple[int] == (int | str)', 'tuple[int].__unpacked__',
]

atoms = ['int', 'str', 'None', 'float', 'tuple[int]', 'dict[str, int]', 'bytes', 'tuple[int, ...]', 'type', 'bool']
for _ in range(300):
    k = rng.randint(2, 5)
    e = ' | '.join(rng.choice(atoms) for _ in range(k))
    exprs.append(e)
    exprs.append('(%s).__args__' % e)
    o = rng.choice(['1', "'a'", 'None', '2.5', 'True', '[1]', 'int'])
    exprs.append('isinstance(%s, %s)' % (o, e))
    e2 = ' | '.join(rng.choice(atoms) for _ in range(rng.randint(2, 4)))
    exprs.append('(%s) == (%s)' % (e, e2))
for _ in range(150):
    c = rng.choice(['dict', 'tuple'])
    n = rng.randint(1, 3)
    e = '%s[%s]' % (c, ', '.join(rng.choice(atoms) for _ in range(n)))
    exprs.append(e)
    exprs.append('%s.__args__' % e)
    exprs.append('%s == %s[%s]' % (e, c, ', '.join(rng.choice(atoms) for _ in range(n))))

with open(out + '/exprs.txt', 'w', encoding='utf-8') as f:
    for e in exprs:
        r = outcome(e).replace('\\', '\\\\').replace('\n', '\\n')
        f.write('%s\t%s\n' % (e, r))
