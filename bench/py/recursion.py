"""Recursive calls: fib, ackermann, tak. Arg: fib n."""
import sys


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def tak(x, y, z):
    if y >= x:
        return z
    return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))


def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


n = int(sys.argv[1]) if len(sys.argv) > 1 else 34
print("checksum", fib(n), tak(24, 16, 8), ack(2, 300))
