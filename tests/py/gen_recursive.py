def perms(items):
    if not items:
        yield ()
        return
    for i, x in enumerate(items):
        for rest in perms(items[:i] + items[i + 1:]):
            yield (x,) + rest
print(list(perms("abc")))
def walk(tree, path=()):
    for k, v in sorted(tree.items()):
        if isinstance(v, dict):
            yield from walk(v, path + (k,))
        else:
            yield "/".join(path + (k,)), v
fs = {"usr": {"bin": {"python": 1, "weft": 2}, "lib": {}}, "etc": {"hosts": 3}, "README": 4}
for p, v in walk(fs):
    print(p, v)
def depth(n):
    if n:
        yield from depth(n - 1)
    yield n
print(sum(depth(200)))
