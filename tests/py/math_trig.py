import math
for x in [0, 0.5, 1, -1, math.pi / 6, math.pi / 4, math.pi / 2, math.pi]:
    print("%.12f %.12f %.12f" % (math.sin(x), math.cos(x), math.tan(x)))
for x in [-1, -0.5, 0, 0.5, 1]:
    print("%.12f %.12f %.12f" % (math.asin(x), math.acos(x), math.atan(x)))
print(math.atan2(1, 1), math.atan2(-1, -1), math.atan2(0, -1), math.atan2(-0.0, -1))
for x in [0, 0.5, 1, 2]:
    print("%.12f %.12f %.12f %.12f" % (math.sinh(x), math.cosh(x), math.tanh(x), math.asinh(x)))
print(math.acosh(1), math.acosh(2), math.atanh(0.5))
print(math.erf(0.5), math.erfc(0.5), math.gamma(5), math.gamma(0.5), math.lgamma(10))
