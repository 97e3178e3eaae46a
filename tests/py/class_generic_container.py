class Stack:
    def __init__(self, items=()):
        self._items = list(items)
    def push(self, x):
        self._items.append(x)
        return self
    def pop(self):
        if not self._items:
            raise IndexError("pop from empty Stack")
        return self._items.pop()
    def peek(self):
        return self._items[-1] if self._items else None
    def __len__(self): return len(self._items)
    def __bool__(self): return bool(self._items)
    def __iter__(self): return reversed(self._items)
    def __repr__(self): return f"Stack({self._items})"
    def __eq__(self, o): return isinstance(o, Stack) and self._items == o._items
    def __add__(self, o): return Stack(self._items + o._items)
    def __contains__(self, x): return x in self._items
    def __getitem__(self, i): return self._items[-1 - i]
s = Stack().push(1).push(2).push(3)
print(s, len(s), list(s), s.peek(), 2 in s, s[0], s[2])
print(s.pop(), s, s + Stack([9]), s == Stack([1, 2]), bool(Stack()))
try:
    Stack().pop()
except IndexError as e:
    print(e)
def balanced(text):
    st = Stack()
    pairs = {")": "(", "]": "[", "}": "{"}
    for ch in text:
        if ch in "([{":
            st.push(ch)
        elif ch in pairs:
            if not st or st.pop() != pairs[ch]:
                return False
    return not st
print([balanced(t) for t in ["()", "([]{})", "(]", "((", "", "a(b[c]d)e"]])
