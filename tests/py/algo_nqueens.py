def solve(n):
    sols = []
    cols = [0] * n
    def place(r, used, d1, d2):
        if r == n:
            sols.append(tuple(cols))
            return
        for c in range(n):
            if c not in used and (r - c) not in d1 and (r + c) not in d2:
                cols[r] = c
                place(r + 1, used | {c}, d1 | {r - c}, d2 | {r + c})
    place(0, frozenset(), frozenset(), frozenset())
    return sols
for n in range(1, 8):
    s = solve(n)
    print(n, len(s), s[0] if s else None)
