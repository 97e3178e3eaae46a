name = "world"
n = 42
pi = 3.14159265
print(f"hello {name}")
print(f"{n} {n!r} {name!r} {name!s} {name!a}")
print(f"{'é'!a}")
print(f"{n + 1} {n * 2} {[n, n]} {n if n > 0 else -n}")
print(f"{{literal}} {{{n}}}")
print(f"{pi:.2f} {pi:10.3f}| {pi:<10.1f}| {pi:^10.2f}|")
print(f"{n:5d}|{n:<5d}|{n:^5d}|{n:05d}|{n:+d}|{-n: d}")
print(f"{n:x} {n:X} {n:o} {n:b} {n:#x} {n:#o} {n:#b}")
print(f"{1234567:,} {1234567:_} {0.5:%} {0.123:.1%}")
width = 8
prec = 3
print(f"{pi:{width}.{prec}f}|")
print(f"{name:>{width}}|{name:*^{width}}|")
d = {"k": "v"}
print(f"{d['k']} {d!r}")
print(f"""multi
{name}""")
print(f"{'nested ' + f'{n}'}")
print(f"{n=}")
print(f"{n = }")
print(f"{pi=:.2f}")
print(f"{name=!r}")
print(f"{3 + 4=}")
print(F"{n}" f"{n}" "plain")
