"""Helper module for import tests."""
CONST = 42
_count = 0
def greet(who):
    return "hello " + who
def counter():
    global _count
    _count += 1
    return _count
class Thing:
    def __init__(self, v):
        self.v = v
    def double(self):
        return self.v * 2
