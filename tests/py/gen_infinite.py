import itertools
def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
        n += 1
print(list(itertools.islice(primes(), 25)))
def collatz(n):
    while n != 1:
        yield n
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    yield 1
print(len(list(collatz(27))), max(collatz(27)))
def cycle(seq):
    while True:
        yield from seq
c = cycle("ab")
print([next(c) for _ in range(5)])
