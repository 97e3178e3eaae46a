def perms(seq):
    if len(seq) <= 1:
        yield list(seq)
        return
    for i in range(len(seq)):
        for p in perms(seq[:i] + seq[i + 1:]):
            yield [seq[i]] + p
ps = list(perms([1, 2, 3, 4]))
print(len(ps), ps[:4], ps[-1])
def subsets(s):
    if not s:
        return [[]]
    rest = subsets(s[1:])
    return rest + [[s[0]] + r for r in rest]
print(sorted(subsets([1, 2, 3]), key=lambda x: (len(x), x)))
def next_perm(a):
    a = list(a)
    i = len(a) - 2
    while i >= 0 and a[i] >= a[i + 1]:
        i -= 1
    if i < 0:
        return None
    j = len(a) - 1
    while a[j] <= a[i]:
        j -= 1
    a[i], a[j] = a[j], a[i]
    a[i + 1:] = reversed(a[i + 1:])
    return a
p = [1, 2, 3]
out = []
while p:
    out.append("".join(map(str, p)))
    p = next_perm(p)
print(out)
