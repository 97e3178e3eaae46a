# list.sort over tuple keys (the specialised first-item compare): mixed lengths,
# NaN first items, non-ASCII str, mixed numeric types, user classes, errors.
nan = float("nan")
data = [(3, "a"), (1, "b"), (3, "A"), (2,), (), (1, "b", 0), (-5, 1), (2 ** 70, 0), (2 ** 70, -1)]
print(sorted(data))
print(sorted([(1.5, 2), (nan, 1), (0.5, 3), (nan, 0), (1.5, 1)]))
print(sorted([("b", 1), ("a", 2), ("b", 0), ("", 5), ("é", 1), ("a", 1)]))
print(sorted([(1, 2), (1.0, 1), (True, 0)]))
print(sorted([(x % 7, -x) for x in range(40)], reverse=True)[:10])
class K:
    def __init__(s, v): s.v = v
    def __lt__(s, o): return s.v < o.v
    def __eq__(s, o): return s.v == o.v
    def __repr__(s): return f"K{s.v}"
print(sorted([(1, K(3)), (1, K(1)), (0, K(9))]))
try:
    sorted([(1, 2), (1, "x")])
except TypeError as e:
    print("TE", e)
print(sorted({"x": 1, "a": 2, "m": 0}.items(), key=None))
