class Noisy:
    def __init__(self, v, log): self.v, self.log = v, log
    def __lt__(self, o):
        self.log.append(f"{self.v}<{o.v}")
        return self.v < o.v
log = []
a, b, c = Noisy(1, log), Noisy(2, log), Noisy(3, log)
print(a < b < c, log)
log.clear()
print(c < b < a, log)
def val(x):
    print("eval", x)
    return x
print(val(1) < val(2) < val(3))
print(val(3) < val(2) < val(1))
print(1 < 2 > 1.5 != 3 == 3 >= 3 <= 4)
print("a" < "b" < "c", [1] < [2] < [3], (1,) < (1, 2) < (2,))
x = 5
print(1 <= x <= 5, 1 <= x < 5, x in range(10) in [range(10)] if False else "skip")
print(1 in [1] in [[1]], 2 not in [1] in [[1]])
