class Node:
    __slots__ = ("key", "left", "right")
    def __init__(self, k):
        self.key = k
        self.left = self.right = None
class BST:
    def __init__(self):
        self.root = None
        self.size = 0
    def insert(self, k):
        if self.root is None:
            self.root = Node(k); self.size += 1; return
        n = self.root
        while True:
            if k == n.key:
                return
            side = "left" if k < n.key else "right"
            nxt = getattr(n, side)
            if nxt is None:
                setattr(n, side, Node(k)); self.size += 1; return
            n = nxt
    def __contains__(self, k):
        n = self.root
        while n:
            if k == n.key: return True
            n = n.left if k < n.key else n.right
        return False
    def __iter__(self):
        stack, n = [], self.root
        while stack or n:
            while n:
                stack.append(n); n = n.left
            n = stack.pop()
            yield n.key
            n = n.right
    def height(self, n="root"):
        if n == "root": n = self.root
        if n is None: return 0
        return 1 + max(self.height(n.left), self.height(n.right))
t = BST()
for i in range(500):
    t.insert((i * 7919) % 1009)
print(t.size, t.height(), list(t)[:10], 17 in t, 1010 in t)
print(list(t) == sorted(set((i * 7919) % 1009 for i in range(500))))
