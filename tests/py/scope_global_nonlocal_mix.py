x = "global x"
def outer():
    x = "outer x"
    def use_global():
        global x
        return x
    def use_nonlocal():
        nonlocal x
        x = "modified outer"
        return x
    a = use_global()
    b = use_nonlocal()
    return a, b, x
print(outer(), x)
def counter_gen():
    count = 0
    def bump():
        nonlocal count
        count += 1
    for _ in range(5):
        bump()
    return count
print(counter_gen())
y = 1
def reads_then_global():
    global y
    y += 1
    return y
print(reads_then_global(), reads_then_global(), y)
