def check(x):
    assert x < 10, f"x too large: {x}"
    return x
print(check(5))
check(50)
