"""The operations of types_bench.c on python3.11: prints "op size seconds".

Each operation is timed with timeit over a compiled statement (best of 3);
for single operations the cost of `_ = a` is subtracted, for the loops the
cost of the same loop with an empty body, so the figure is close to the
operation itself (what weft's types_bench calls through the wf_* API).
Loop figures are per step; dict_delete is (insert+delete) - insert."""
import sys
import timeit

min_time = float(sys.argv[1]) if len(sys.argv) > 1 else 0.3
N_PARTS, N_KEYS = 100, 1000


def per_run(stmt, env, setup='pass'):
    n = 1
    while True:
        t = timeit.timeit(stmt, setup, globals=env, number=n)
        if t >= min_time / 4:
            break
        n *= 4
    return min(timeit.repeat(stmt, setup, globals=env, number=n, repeat=3)) / n


def out(label, size, t):
    print(label, size, '%.12f' % max(t, 1e-12), flush=True)


def single(label, size, stmt, env):
    out(label, size, per_run(stmt, env) - per_run('_ = a', env))


parts = ['part%d' % i for i in range(N_PARTS)]
words = ''.join(('' if i == 0 else ' ' if i % 2 else ',') + 'w%d' % i for i in range(50))
text100 = ('abcdefghij' * 10)
text1000 = ('abcdefghij' * 99) + 'needle!!!!'
str_keys = ['key_%d' % i for i in range(N_KEYS)]
for k in str_keys:
    hash(k)
int_keys = [i * 7919 for i in range(N_KEYS)]
env = dict(a=1, parts=parts, words=words, text100=text100, text1000=text1000, str_keys=str_keys,
           int_keys=int_keys, full_str=dict.fromkeys(str_keys, 1), full_int=dict.fromkeys(int_keys, 1),
           fmt='{} and {:>10.3f} ({!r})', x=123456, f=3.14159)

single('str_join', N_PARTS, "_ = ''.join(parts)", env)
loop0 = per_run("s = ''\nfor p in parts: pass", env)
out('str_concat_loop', N_PARTS, (per_run("s = ''\nfor p in parts: s = s + p", env) - loop0) / N_PARTS)
single('str_split', 50, '_ = words.split()', env)
single('str_split_sep', 50, "_ = words.split(',')", env)
single('str_replace', 100, "_ = text100.replace('cd', 'XYZ')", env)
single('str_find', 1000, "_ = text1000.find('needle')", env)
single('str_upper', 100, '_ = text100.upper()', env)
single('str_format', 3, "_ = fmt.format(x, f, 'x')", env)
for kind in ('str', 'int'):
    keys = '%s_keys' % kind
    loop0 = per_run('d = {}\nfor k in %s: pass' % keys, env)
    ins = per_run('d = {}\nfor k in %s: d[k] = 1' % keys, env) - loop0
    out('dict_insert_%s' % kind, N_KEYS, ins / N_KEYS)
    look0 = per_run('for k in %s: pass' % keys, env)
    out('dict_lookup_%s' % kind, N_KEYS,
        (per_run('for k in %s: _ = full_%s[k]' % (keys, kind), env) - look0) / N_KEYS)
    insdel = per_run('d = {}\nfor k in %s: d[k] = 1\nfor k in %s: del d[k]' % (keys, keys), env) - loop0 - look0
    out('dict_delete_%s' % kind, N_KEYS, (insdel - ins) / N_KEYS)
