for n in [0, 1, -1, 255, -256, 2 ** 31, 10 ** 20]:
    print(n, n.bit_length(), n.bit_count(), abs(n), n.to_bytes(12, "big", signed=True).hex(), -n)
print(int.from_bytes(b"\xff\xff", "big"), int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes(b"", "little"))
print((255).to_bytes(1, "little"), (0).to_bytes(0, "big"))
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print(e)
try:
    (-1).to_bytes(1, "big")
except OverflowError as e:
    print(e)
print((10).__add__(5), (10).__radd__(5), (10).__sub__(3), (10).__rsub__(3), (7).__floordiv__(2), (7).__mod__(3))
print((5).__eq__(5), (5).__lt__(3), (5).__add__(1.5), int.__add__(1, 2), (3).__pow__(2, 5))
print(int.__new__(int, 5), (12).__index__(), (12).__int__(), (12).__float__(), (12).__round__(-1), (-7).__abs__())
print((12).__format__("x"), (12).__bool__(), (0).__bool__(), (5).__neg__(), (5).__invert__(), (5).__hash__())
