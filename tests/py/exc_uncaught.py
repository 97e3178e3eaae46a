def f():
    raise ValueError("uncaught problem here")
print("before")
f()
print("never")
