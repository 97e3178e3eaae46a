class K:
    "docstring of K"
    x: int = 3
print(K.__doc__, K.__name__, K.__qualname__, K.__module__, K.__annotations__)
K.__name__ = "Renamed"
print(K.__name__, K.__qualname__, repr(K).endswith("K'>"))
K.__qualname__ = "Q.Renamed"
print(repr(K))
K.__doc__ = "new doc"
print(K.__doc__)
try:
    K.__name__ = 5
except TypeError as e:
    print(e)
try:
    int.__name__ = "x"
except TypeError as e:
    print(e)
print(type(K.__dict__["__dict__"]).__name__ if "__dict__" in K.__dict__ else "no __dict__ descr")
print(K.__flags__ > 0 if hasattr(K, "__flags__") else True)
