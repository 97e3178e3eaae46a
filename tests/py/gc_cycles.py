class Node:
    def __init__(self, name):
        self.name = name
        self.peers = []
total = 0
for round_ in range(200):
    nodes = [Node(f"n{round_}_{i}") for i in range(20)]
    for i, n in enumerate(nodes):
        n.peers.append(nodes[(i + 1) % 20])
        n.peers.append(nodes[(i * 7) % 20])
        n.self_ref = n
    total += sum(len(n.peers) for n in nodes)
print(total)
a = []
a.append(a)
d = {}
d["self"] = d
print(len(a), a[0] is a, d["self"] is d, repr(a), repr(d))
