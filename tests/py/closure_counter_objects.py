def make_counter(start=0, step=1):
    value = start
    def inc():
        nonlocal value
        value += step
        return value
    def dec():
        nonlocal value
        value -= step
        return value
    def get():
        return value
    return inc, dec, get
inc, dec, get = make_counter(10, 5)
inc(); inc(); dec()
print(get())
counters = [make_counter(i) for i in range(3)]
for c in counters:
    c[0]()
print([c[2]() for c in counters])
print(inc.__code__.co_freevars, make_counter.__code__.co_cellvars)
