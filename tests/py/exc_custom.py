class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
        self.msg = msg
    def __str__(self):
        return f"[{self.code}] {self.msg}"
class NotFound(AppError):
    pass
try:
    raise NotFound(404, "missing")
except AppError as e:
    print(type(e).__name__, e, e.args, e.code, repr(e))
class Plain(Exception):
    pass
print(repr(Plain()), str(Plain()), repr(Plain(1, 2)), str(Plain(1, 2)), str(Plain("x")))
class WithAttrs(ValueError):
    extra = "class attr"
try:
    raise WithAttrs("m")
except ValueError as e:
    e.note = 5
    print(e, e.extra, e.note)
class NoArgs(Exception):
    def __init__(self):
        super().__init__("fixed message")
try:
    raise NoArgs
except NoArgs as e:
    print(e)
print(Exception("a", "b").args, BaseException().args)
e = Exception("x")
e.args = ("changed", 1)
print(e)
class KE(KeyError): pass
print(str(KE("k")), str(KeyError("a", "b")))
