def g():
    yield 1
    raise RuntimeError("generator blew up")
for v in g():
    print("got", v)
