def make_adder(n):
    def add(x):
        return x + n
    return add

a5 = make_adder(5)
print(a5(1), make_adder(10)(1))
print(a5.__closure__[0].cell_contents)
print(a5.__code__.co_freevars)
print(make_adder.__code__.co_cellvars)

def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c = counter()
c(); c()
print(c())

def outer():
    x = 1
    def mid():
        def inner():
            return x
        return inner
    x = 2
    return mid()()
print(outer())

def late():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
print(late())
