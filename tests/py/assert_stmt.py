assert True
assert 1 == 1, "never"
try:
    assert 1 == 2
except AssertionError as e:
    print("caught", repr(e), e.args)
try:
    assert False, "message %d" % 5
except AssertionError as e:
    print(e)
try:
    assert [], ["list", "msg"]
except AssertionError as e:
    print(e.args)
def chk(x):
    assert x > 0, f"x must be positive, got {x}"
    return x
print(chk(3))
try:
    chk(-1)
except AssertionError as e:
    print(e)
print(__debug__)
