import sys
limit = sys.getrecursionlimit()
def depth_reached():
    n = [0]
    def rec():
        n[0] += 1
        rec()
    try:
        rec()
    except RecursionError:
        pass
    return n[0]
sys.setrecursionlimit(300)
a = depth_reached()
sys.setrecursionlimit(600)
b = depth_reached()
print(250 < a <= 300, 550 < b <= 600, b > a)
sys.setrecursionlimit(limit)
print(sys.getrecursionlimit() == limit)
