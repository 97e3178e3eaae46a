for f in [0.0, 1.5, -2.75, 1e-3, 123.456, 2.0 ** 60]:
    print(f, f.is_integer(), f.as_integer_ratio(), f.hex(), float.fromhex(f.hex()) == f, f.conjugate(), f.real, f.imag)
print(float.__add__(1.0, 2.0), (2.5).__mul__(2), (7.0).__floordiv__(2), (7.5).__mod__(2), (2.0).__pow__(3))
print((1.5).__round__(), (2.5).__round__(), (1.25).__round__(1), (3.7).__trunc__(), (3.7).__int__(), (-3.7).__floor__() if hasattr(float, "__floor__") else -4)
print((0.1).__repr__(), (1e100).__str__(), (1.0).__hash__(), (0.5).__hash__(), float("1.5").__format__(".3f"))
print(float.__eq__(1.0, 1), (1.0).__lt__(2), (1.0).__add__("x"), float.__new__(float, "2.5"))
try:
    float.fromhex("zz")
except ValueError as e:
    print(e)
try:
    (float("inf")).as_integer_ratio()
except OverflowError as e:
    print(e)
try:
    (float("nan")).as_integer_ratio()
except ValueError as e:
    print(e)
