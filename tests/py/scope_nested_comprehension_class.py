class A:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    try:
        pairs = [(v, w) for v in vals for w in vals if w > v]
    except NameError as e:
        pairs = str(e)
print(A.doubled, A.pairs)
class B:
    n = 3
    try:
        table = [[n * i for i in range(2)] for _ in range(2)]
    except NameError as e:
        table = "NameError: " + str(e)
print(B.table)
def f():
    k = 10
    class C:
        res = [k + i for i in range(3)]
    return C.res
print(f())
