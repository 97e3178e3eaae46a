import sys
m = sys.modules["sys"]
print(m is sys, sys.__name__)
print(sys.modules["__main__"].__name__)
import math
print("math" in sys.modules, sys.modules["math"] is math)
print(type(sys.getsizeof) is not None)
print(sys.intern("abc") == "abc")
old = sys.stdout
class Cap:
    def __init__(self): self.buf = []
    def write(self, s): self.buf.append(s); return len(s)
    def flush(self): pass
cap = Cap()
sys.stdout = cap
print("captured", 1)
sys.stdout = old
print(cap.buf)
print(sys.__stdout__ is not None)
