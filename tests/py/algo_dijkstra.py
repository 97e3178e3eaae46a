def dijkstra(graph, src):
    dist = {src: 0}
    done = set()
    while True:
        best = None
        for node, d in dist.items():
            if node not in done and (best is None or d < dist[best] or (d == dist[best] and node < best)):
                best = node
        if best is None:
            return dist
        done.add(best)
        for nxt, w in graph.get(best, []):
            nd = dist[best] + w
            if nxt not in dist or nd < dist[nxt]:
                dist[nxt] = nd
g = {}
for i in range(30):
    for j in (i + 1, i + 3, i * 2):
        if j < 30:
            g.setdefault(i, []).append((j, (i * 7 + j * 3) % 11 + 1))
dist = dijkstra(g, 0)
print(sorted(dist.items()))
print(sum(dist.values()), max(dist.values()))
