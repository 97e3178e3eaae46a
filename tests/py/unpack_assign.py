a = b = c = [1]
print(a is b is c)
x, y = y, x = 1, 2
print(x, y)
i = 0
lst = [0, 0, 0]
i, lst[i] = 1, 5
print(i, lst)
d = {}
d['a'], d['b'] = "xy"
print(d)
class O: pass
o = O()
o.p, o.q = range(2)
print(o.p, o.q)
t = 1, 2, 3
p, q, r = t
print(p + q + r)
(m, n) = [m2, n2] = (7, 8)
print(m, n, m2, n2)
s = "ab"
u, v = s
print(u, v)
a, b = b, a = "12"
print(a, b)
((a, b), (c, d)) = ((1, 2), (3, 4))
print(a, b, c, d)
