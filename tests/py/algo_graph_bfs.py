edges = [(0, 1), (0, 2), (1, 3), (2, 3), (3, 4), (4, 5), (2, 6), (6, 7), (7, 5), (8, 9)]
graph = {}
for a, b in edges:
    graph.setdefault(a, []).append(b)
    graph.setdefault(b, []).append(a)
def bfs(start):
    dist = {start: 0}
    order = [start]
    q = [start]
    while q:
        nq = []
        for u in q:
            for v in sorted(graph[u]):
                if v not in dist:
                    dist[v] = dist[u] + 1
                    order.append(v)
                    nq.append(v)
        q = nq
    return dist, order
d, o = bfs(0)
print(sorted(d.items()), o)
def dfs(u, seen):
    seen.append(u)
    for v in sorted(graph[u]):
        if v not in seen:
            dfs(v, seen)
    return seen
print(dfs(0, []))
def components():
    seen = set()
    comps = []
    for n in sorted(graph):
        if n not in seen:
            c = set(bfs(n)[0])
            seen |= c
            comps.append(sorted(c))
    return comps
print(components())
def path(a, b):
    prev = {a: None}
    q = [a]
    while q:
        u = q.pop(0)
        if u == b:
            break
        for v in sorted(graph[u]):
            if v not in prev:
                prev[v] = u
                q.append(v)
    p = []
    while b is not None:
        p.append(b)
        b = prev[b]
    return p[::-1]
print(path(0, 5))
