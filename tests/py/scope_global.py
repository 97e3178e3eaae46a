x = 1
def read():
    return x
def write():
    global x
    x = 2
print(read()); write(); print(read(), x)

def make_new():
    global newname
    newname = "created"
make_new()
print(newname)

def unbound():
    try:
        print(x)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    x = 3
unbound()

counter = 0
def inc():
    global counter
    for _ in range(5):
        counter += 1
inc(); inc()
print(counter)

def delg():
    global newname
    del newname
delg()
try:
    newname
except NameError as e:
    print(e)
print('x' in globals(), 'newname' in globals())
