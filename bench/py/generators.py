"""Generator pipelines, yield from and generator expressions. Arg: n."""
import sys


def source(n):
    for i in range(n):
        yield i


def squares(it):
    for x in it:
        yield x * x


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def chain(*its):
    for it in its:
        yield from it


def tree(depth):
    if depth == 0:
        yield 1
        return
    yield from tree(depth - 1)
    yield depth
    yield from tree(depth - 1)


def main(n):
    total = 0
    total += sum(evens(squares(source(n))))
    total += sum(x % 7 for x in chain(source(n // 2), source(n // 3)))
    total += sum(tree(14))
    g = (i * 3 for i in range(n) if i & 1)
    total += max(g)
    return total


n = int(sys.argv[1]) if len(sys.argv) > 1 else 4000000
print("checksum", main(n))
