def tag(name):
    def deco(f):
        def w(*a, **k):
            return f"<{name}>{f(*a, **k)}</{name}>"
        w.__name__ = f.__name__
        w.__wrapped__ = f
        return w
    return deco
@tag("b")
@tag("i")
def text(s, upper=False):
    return s.upper() if upper else s
print(text("hi"), text("hi", upper=True), text.__name__, text.__wrapped__.__wrapped__("raw"))
def counted(f):
    def w(*a):
        w.calls += 1
        return f(*a)
    w.calls = 0
    return w
@counted
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(15), fib.calls)
class Route:
    routes = {}
    def __init__(self, path): self.path = path
    def __call__(self, f):
        Route.routes[self.path] = f.__name__
        return f
@Route("/")
def index(): pass
@Route("/about")
def about(): pass
print(Route.routes)
