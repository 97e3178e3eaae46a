import math
print(math.pi == 3.141592653589793, math.e == 2.718281828459045, math.tau == 2 * math.pi)
print(math.inf > 10 ** 308, math.isnan(math.nan))
vals = [0.1, 0.5, 1, 2, 10, 100]
for v in vals:
    print(v, "%.15g %.15g %.15g %.15g" % (math.exp(v), math.log(v), math.sqrt(v), math.log10(v)))
print(math.fabs(-0.0), math.floor(-0.5), math.ceil(-0.5), math.trunc(2 ** 0.5))
print(math.gcd(2 ** 64, 2 ** 40 * 3), math.lcm(2 ** 10, 3 ** 5), math.isqrt(2 ** 127))
print(math.dist([1, 2, 3], [4, 6, 3]), math.hypot(), math.hypot(-3), math.prod([2] * 10))
print(math.copysign(3, -1), math.fmod(-10, 3), -10 % 3, math.remainder(10, 4), math.remainder(11, 4))
