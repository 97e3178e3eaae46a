"""Plain for-range loops with integer arithmetic. Arg: n."""
import sys


def main(n):
    total = 0
    for i in range(n):
        total += (i * i) % 7 - (i >> 3) + (i & 15)
    acc = 1
    j = 0
    while j < n // 4:
        acc = (acc * 31 + j) % 1000003
        j += 1
    s = 0
    for a in range(300):
        for b in range(300):
            s += a ^ b
    return total, acc, s


n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000000
print("checksum", *main(n))
