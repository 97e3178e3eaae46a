import math
for x in [0.1, 0.5, 1.0, 1.5, 2.0, 3.0, 5.5]:
    print(x, "%.12g %.12g %.12g %.12g" % (math.gamma(x), math.lgamma(x), math.erf(x), math.erfc(x)))
print(math.factorial(20), math.comb(52, 5), math.perm(10, 3))
print(math.frexp(0.0), math.frexp(-3.5), math.ldexp(3, -2), math.modf(-0.0), math.modf(math.inf))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1e-9, 0), math.isclose(math.inf, math.inf), math.isclose(math.nan, math.nan))
try:
    math.isclose(1, 1, rel_tol=-1)
except ValueError as e:
    print(e)
