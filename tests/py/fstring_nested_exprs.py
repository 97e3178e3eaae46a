items = {"apple": 3, "pear": 10}
for name, n in items.items():
    print(f"{name:<8}|{n:>4}|{n / 3:8.3f}|{'many' if n > 5 else 'few':^6}|")
w = 10
print(f"{'centered':^{w}}|{3.14159:{w}.{2}f}|{42:{'>' if w else '<'}{w}}")
print(f"{[x ** 2 for x in range(4)]}", f"{ {'k': 1}['k'] }", f"{(lambda v: v * 2)(21)}")
print(f"{'a' 'b'}", f"{len('xyz')=}", f"{items['pear']:#x}")
obj = type("O", (), {"attr": "value", "__format__": lambda self, spec: f"O[{spec}]"})()
print(f"{obj.attr!r:>10}", f"{obj:custom}", f"{obj!s:.5}"[:2])
x = 5
print(f"{x!r:>4}|{x:<4}|{x:^+5}|{x * 1.5=:.2f}")
print(f"{'{'}{'}'}", f"{{x}}", f"{{{x}}}")
