log = []
class R:
    def __init__(self, n, fail_enter=False): self.n, self.fail_enter = n, fail_enter
    def __enter__(self):
        if self.fail_enter:
            raise RuntimeError(f"enter {self.n} failed")
        log.append(f"enter {self.n}")
        return self.n
    def __exit__(self, t, v, tb):
        log.append(f"exit {self.n} {t.__name__ if t else '-'}")
try:
    with R(1) as a, R(2) as b, R(3, fail_enter=True):
        log.append("body")
except RuntimeError as e:
    log.append(str(e))
with R(4) as x:
    with R(5) as y:
        log.append(f"body {x}{y}")
print("\n".join(log))
