log = []
class Root:
    def hello(self):
        log.append("Root")
class A(Root):
    def hello(self):
        log.append("A")
        super().hello()
class B(Root):
    def hello(self):
        log.append("B")
        super().hello()
class C(A, B):
    def hello(self):
        log.append("C")
        super().hello()
class D(B):
    def hello(self):
        log.append("D")
        super().hello()
class E(C, D):
    def hello(self):
        log.append("E")
        super().hello()
E().hello()
print(log)
print([k.__name__ for k in E.__mro__])
log.clear()
super(C, E()).hello()
print(log)
