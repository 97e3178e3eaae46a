class Outer:
    class Inner:
        class Deep:
            def who(self): return type(self).__qualname__
        def make(self): return self.Deep()
    def get(self):
        return Outer.Inner().make().who()
print(Outer().get())
print(Outer.Inner.__qualname__, Outer.Inner.Deep.__name__)
def factory(base):
    class Made(base):
        tag = base.__name__
    return Made
M1 = factory(int); M2 = factory(str)
print(M1.tag, M2.tag, M1(5) + 1, M1.__qualname__)
print(M1 is not M2)
