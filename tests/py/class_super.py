class A:
    def who(self):
        return ["A"]
    @classmethod
    def cm(cls):
        return ["A.cm " + cls.__name__]
class B(A):
    def who(self):
        return ["B"] + super().who()
    @classmethod
    def cm(cls):
        return ["B.cm"] + super().cm()
class C(A):
    def who(self):
        return ["C"] + super().who()
class D(B, C):
    def who(self):
        return ["D"] + super().who()
print(D().who())
print(D.cm())
print(super(B, D()).who())
print(super(C, D()).who())
class E(A):
    def __init__(self):
        self.v = super().who
print(E().v())
class F(A):
    def who(self):
        f = lambda: super(F, self).who()
        return f()
print(F().who())
s = super(B, B())
print(type(s).__name__)
class G(A):
    def x(self):
        return __class__.__name__
print(G().x())
try:
    super()
except RuntimeError as e:
    print(e)
