class LNode:
    def __init__(self, v, nxt=None):
        self.v = v
        self.next = nxt
class LinkedList:
    def __init__(self, items=()):
        self.head = None
        for x in reversed(list(items)):
            self.head = LNode(x, self.head)
    def __iter__(self):
        n = self.head
        while n:
            yield n.v
            n = n.next
    def __len__(self):
        return sum(1 for _ in self)
    def reverse(self):
        prev = None
        n = self.head
        while n:
            n.next, prev, n = prev, n, n.next
        self.head = prev
    def __repr__(self):
        return " -> ".join(map(str, self)) or "empty"
    def remove_if(self, pred):
        dummy = LNode(None, self.head)
        p = dummy
        while p.next:
            if pred(p.next.v):
                p.next = p.next.next
            else:
                p = p.next
        self.head = dummy.next
ll = LinkedList(range(10))
print(ll, len(ll))
ll.reverse()
print(ll)
ll.remove_if(lambda v: v % 3 == 0)
print(ll)
print(LinkedList())
big = LinkedList(range(20000))
big.reverse()
print(len(big), next(iter(big)))
