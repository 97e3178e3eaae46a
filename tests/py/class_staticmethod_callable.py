class C:
    @staticmethod
    def helper(x):
        return x * 2
    table = [helper(1)] if callable(helper) else ["not callable"]
    @classmethod
    def build(cls):
        return cls.helper(21)
print(C.table, C.build(), C().helper(5))
sm = staticmethod(lambda: "sm")
print(sm(), type(sm).__name__, sm.__func__())
cm = classmethod(lambda cls: cls)
print(cm.__get__(None, int)() is int)
print(C.__dict__["helper"].__wrapped__(3) if hasattr(C.__dict__["helper"], "__wrapped__") else "no wrapped")
