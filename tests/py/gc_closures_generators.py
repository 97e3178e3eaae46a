def make(n):
    data = list(range(n))
    def inner():
        return sum(data)
    return inner
fs = [make(i) for i in range(500)]
print(sum(f() for f in fs))
gens = [(x * k for x in range(10)) for k in range(300)]
print(sum(sum(g) for g in gens))
def chain_gen(depth):
    if depth == 0:
        yield 0
        return
    for v in chain_gen(depth - 1):
        yield v + 1
print(list(chain_gen(100)))
