def build(depth):
    node = None
    for i in range(depth):
        node = (i, node)
    return node
def length(node):
    n = 0
    while node is not None:
        n += 1
        node = node[1]
    return n
chain = build(10000)
print(length(chain))
def rsum(node):
    return 0 if node is None else node[0] + rsum(node[1])
print(rsum(build(500)))
nested = []
cur = nested
for i in range(200):
    nxt = []
    cur.append(nxt)
    cur = nxt
def depth(l):
    return 1 + max((depth(x) for x in l), default=0)
print(depth(nested))
d = {}
c = d
for i in range(300):
    c["k"] = {}
    c = c["k"]
s = repr(d)
print(len(s), s[:20])
