x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x //= 5; print(x)
x **= 3; print(x)
x %= 7; print(x)
x <<= 4; print(x)
x >>= 2; print(x)
x |= 0b1010; print(x)
x &= 0b0110; print(x)
x ^= 0b1111; print(x)
f = 7.0
f /= 2; print(f)
s = "ab"; s *= 3; print(s)
l = [1]; l2 = l; l += [2]; print(l, l is l2)
t = (1,); t2 = t; t += (2,); print(t, t is t2)
d = {'k': [1]}
d['k'] += [2]; print(d)
class O: pass
o = O(); o.v = 1; o.v += 1; print(o.v)
lst = [1, 2, 3]; lst[1] *= 10; print(lst)
st = {1, 2}; st |= {3}; st &= {2, 3, 4}; st -= {9}; st ^= {5}; print(sorted(st))
m = [[1, 2], [3, 4]]; m[1][0] -= 1; print(m)
