class A:
    x = 1
try:
    A().y
except AttributeError as e:
    print(e)
try:
    A.y
except AttributeError as e:
    print(e)
try:
    del A().x
except AttributeError as e:
    print(e)
try:
    "s".nope()
except AttributeError as e:
    print(e)
try:
    None.x
except AttributeError as e:
    print(e)
try:
    [].append.x = 1
except AttributeError as e:
    print(e)
try:
    setattr(1, "x", 2)
except AttributeError as e:
    print(e)
try:
    getattr(A(), 5)
except TypeError as e:
    print(e)
try:
    int.real = 5
except TypeError as e:
    print(e)
try:
    type.__dict__['__name__'].__set__(int, "x")
except TypeError as e:
    print(e)
