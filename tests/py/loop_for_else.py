for i in range(5):
    if i == 10:
        break
else:
    print("no break, i =", i)
for i in range(5):
    if i == 2:
        break
else:
    print("not printed")
print("broke at", i)
for x in []:
    pass
else:
    print("empty else")
n = 0
while n < 3:
    n += 1
else:
    print("while else", n)
while True:
    n += 1
    if n > 5:
        break
else:
    print("never")
print(n)
def find(seq, target):
    for i, v in enumerate(seq):
        if v == target:
            return i
    else:
        return -1
print(find("abc", "c"), find("abc", "z"))
for i in range(3):
    for j in range(3):
        if j == 1:
            continue
        if i == 2:
            break
        print(i, j)
    else:
        print("inner done", i)
