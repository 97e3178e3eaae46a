class Z:
    def __len__(self): return 0
class NZ:
    def __len__(self): return 3
class B:
    def __bool__(self): return False
    def __len__(self): return 10
print(bool(Z()), bool(NZ()), bool(B()))
print("yes" if NZ() else "no", not Z())
class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print(e)
class NegLen:
    def __len__(self): return -1
try:
    len(NegLen())
except ValueError as e:
    print(e)
class BigLen:
    def __len__(self): return 2 ** 70
try:
    len(BigLen())
except OverflowError as e:
    print(e)
class FloatLen:
    def __len__(self): return 1.5
try:
    len(FloatLen())
except TypeError as e:
    print(e)
print(bool(object()), bool(None), bool(0.0), bool(""), bool([0]))
