def none():
    pass
print(none())
def early(x):
    if x:
        return "yes"
    return "no"
print(early(1), early(0))
def multi():
    return 1, 2, 3
print(multi())
def in_loop():
    for i in range(10):
        if i == 3:
            return i
print(in_loop())
def in_try():
    try:
        return "try"
    finally:
        print("finally runs")
print(in_try())
def finally_override():
    try:
        return 1
    finally:
        return 2
print(finally_override())
def in_while():
    i = 0
    while True:
        i += 1
        if i > 5:
            return i
print(in_while())
def ret_in_with():
    class CM:
        def __enter__(self): return self
        def __exit__(self, *a): print("exit"); return False
    with CM():
        return "from with"
print(ret_in_with())
