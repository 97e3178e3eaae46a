import sys
print(sys.getrecursionlimit())
old = sys.getrecursionlimit()
sys.setrecursionlimit(200)
print(sys.getrecursionlimit())
n = 0
def f():
    global n
    n += 1
    f()
try:
    f()
except RecursionError:
    print(150 < n <= 200)
sys.setrecursionlimit(5000)
def g(k):
    return 0 if k == 0 else 1 + g(k - 1)
print(g(3000))
sys.setrecursionlimit(old)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(e)
try:
    sys.setrecursionlimit(-5)
except ValueError as e:
    print(e)
