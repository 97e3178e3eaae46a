class A:
    def __init__(self):
        return None
print(type(A()).__name__)
class B:
    def __init__(self):
        return 5
try:
    B()
except TypeError as e:
    print(e)
class C:
    def __init__(self, x):
        self.x = x
try:
    C()
except TypeError as e:
    print(e)
try:
    C(1, 2)
except TypeError as e:
    print(e)
class D:
    def __new__(cls, *a):
        return super().__new__(cls)
    def __init__(self, a, b):
        self.s = a + b
print(D(1, 2).s)
class E:
    pass
try:
    E(1)
except TypeError as e:
    print(e)
try:
    E(a=1)
except TypeError as e:
    print(e)
class F:
    def __init__(self):
        raise ValueError("init failed")
try:
    F()
except ValueError as e:
    print(e)
