class A:
    def __repr__(self):
        return "A-repr"
class B:
    def __str__(self):
        return "B-str"
    def __repr__(self):
        return "B-repr"
class C(B):
    def __str__(self):
        return "C-" + super().__str__()
print(A(), str(A()), repr(A()))
print(B(), str(B()), repr(B()))
print(C(), [C()], (B(),), {1: A()})
print(f"{B()} {B()!r} {B()!s}")
print("%s %r" % (B(), B()))
class Fmt:
    def __format__(self, spec):
        return "fmt[" + spec + "]"
print(format(Fmt(), "abc"), f"{Fmt():>10}", "{:x}".format(Fmt()))
class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print(e)
class BadStr:
    def __str__(self):
        raise ValueError("no str")
try:
    str(BadStr())
except ValueError as e:
    print(e)
