class HttpError(Exception):
    def __init__(self, status, reason="unknown"):
        self.status = status
        self.reason = reason
        super().__init__(f"{status} {reason}")
class NotFound(HttpError):
    def __init__(self, path):
        super().__init__(404, "Not Found")
        self.path = path
try:
    raise NotFound("/x")
except HttpError as e:
    print(e, e.status, e.reason, e.path, e.args, isinstance(e, Exception))
e = HttpError(500)
print(repr(e), str(e))
class Minimal(Exception):
    def __str__(self):
        return "custom str"
print(str(Minimal("ignored")), repr(Minimal("x")))
