def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
f = fact(300)
print(len(str(f)), str(f)[:30], sum(int(c) for c in str(f)))
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
print(fib(500) % 10 ** 20, len(str(fib(1000))))
print(2 ** 1000 // 3 ** 300, (2 ** 521 - 1) % 1000003)
print(pow(3, 10 ** 5, 10 ** 9 + 7), pow(12345678901234567890, 65537, 2 ** 127 - 1))
def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x
print(isqrt(10 ** 100), isqrt(2 * 10 ** 60))
a = 123456789 ** 20
b = 987654321 ** 15
print(a // b, a % b, -a // b, (-a) % b)
print(hex(2 ** 200 - 1)[:20], (2 ** 200).bit_length(), int(str(a)) == a)
def digits_pi(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < n:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return "".join(map(str, out))
print(digits_pi(60))
