class Node:
    __match_args__ = ("op", "left", "right")
    def __init__(self, op, left, right):
        self.op, self.left, self.right = op, left, right
class Num:
    __match_args__ = ("value",)
    def __init__(self, v): self.value = v
def ev(n):
    match n:
        case Num(v):
            return v
        case Node("+", l, r):
            return ev(l) + ev(r)
        case Node("*", Num(0), _) | Node("*", _, Num(0)):
            return 0
        case Node("*", l, r):
            return ev(l) * ev(r)
        case Node(op, _, _):
            raise ValueError(f"unknown op {op}")
def show(n):
    match n:
        case Num(value=v):
            return str(v)
        case Node(op=op, left=l, right=r):
            return f"({show(l)} {op} {show(r)})"
tree = Node("+", Num(2), Node("*", Num(3), Node("+", Num(4), Num(5))))
print(show(tree), "=", ev(tree))
print(ev(Node("*", Num(0), Node("?", Num(1), Num(1)))))
try:
    ev(Node("-", Num(1), Num(2)))
except ValueError as e:
    print(e)
