"""The operations of numbers_bench.c on python3.11: prints "op size seconds".

Each operation is timed with timeit over a compiled statement; the cost of
the same statement with the operation replaced by a plain load is
subtracted, so the figure is close to the operation itself (what weft's
numbers_bench calls through the protocol functions)."""
import sys
import timeit

sys.set_int_max_str_digits(0)
min_time = float(sys.argv[1]) if len(sys.argv) > 1 else 0.3


def per_op(stmt, env):
    n = 1
    while True:
        t = timeit.timeit(stmt, globals=env, number=n)
        if t >= min_time / 4:
            break
        n *= 4
    best = min(timeit.repeat(stmt, globals=env, number=n, repeat=3))
    return best / n


def bench(label, size, stmt, env):
    t = per_op(stmt, env) - per_op('_ = a', env)
    print(label, size, '%.12f' % max(t, 1e-12), flush=True)


env = dict(a=123456, b=789, f=3.14159, g=2.71828, c1=complex(1.5, -2.5), c2=complex(0.5, 3.0),
           s_int='123456789', s_float='3.14159')
bench('int_add', 1, '_ = a + b', env)
bench('int_mul', 1, '_ = a * b', env)
bench('int_floordiv', 1, '_ = a // b', env)
bench('int_mod', 1, '_ = a % b', env)
bench('int_lshift', 1, '_ = a << 10', env)
bench('int_and', 1, '_ = a & b', env)
bench('int_lt', 1, '_ = a < b', env)
bench('int_pow', 1, '_ = 3 ** e', dict(env, e=20))
bench('int_hash', 1, '_ = hash(a)', env)
bench('int_repr', 1, '_ = repr(a)', env)
bench('int_parse', 1, '_ = int(s_int)', env)
bench('int_format', 1, "_ = format(a, ',')", env)
bench('int_add_float', 1, '_ = a + f', env)
bench('float_add', 1, '_ = f + g', env)
bench('float_mul', 1, '_ = f * g', env)
bench('float_div', 1, '_ = f / g', env)
bench('float_floordiv', 1, '_ = f // g', env)
bench('float_lt', 1, '_ = f < g', env)
bench('float_repr', 1, '_ = repr(f)', env)
bench('float_format', 1, "_ = format(f, '.3f')", env)
bench('float_parse', 1, '_ = float(s_float)', env)
bench('complex_mul', 1, '_ = c1 * c2', env)
bench('complex_div', 1, '_ = c1 / c2', env)
env2 = dict(a=1 << 40 | 12345, b=1 << 39 | 777)
bench('int_add', 2, '_ = a + b', env2)
bench('int_mul', 2, '_ = a * b', env2)
bench('int_floordiv', 2, '_ = a // b', env2)
for size in (100, 1000, 10000):
    x = 7 * 10 ** (size - 1) + 12345
    y = 7 * 10 ** (size // 2 - 1) + 999
    e = dict(a=x, b=y)
    bench('big_add', size, '_ = a + a', e)
    bench('big_mul', size, '_ = a * a', e)
    bench('big_floordiv', size, '_ = a // b', e)
    bench('big_repr', size, '_ = repr(a)', e)
