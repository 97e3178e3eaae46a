"""Chaos game: iterated function systems drawing fractals into a character grid,
with a deterministic linear congruential generator. Arg: points."""
import sys


class LCG:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return self.state

    def uniform(self):
        return self.next() / 2147483648.0


class Transform:
    __slots__ = ("a", "b", "c", "d", "e", "f", "weight")

    def __init__(self, a, b, c, d, e, f, weight):
        self.a, self.b, self.c, self.d, self.e, self.f = a, b, c, d, e, f
        self.weight = weight

    def apply(self, x, y):
        return self.a * x + self.b * y + self.e, self.c * x + self.d * y + self.f


FERN = [Transform(0.0, 0.0, 0.0, 0.16, 0.0, 0.0, 0.01),
        Transform(0.85, 0.04, -0.04, 0.85, 0.0, 1.6, 0.85),
        Transform(0.2, -0.26, 0.23, 0.22, 0.0, 1.6, 0.07),
        Transform(-0.15, 0.28, 0.26, 0.24, 0.0, 0.44, 0.07)]
SIERPINSKI = [Transform(0.5, 0.0, 0.0, 0.5, 0.0, 0.0, 1 / 3),
              Transform(0.5, 0.0, 0.0, 0.5, 0.5, 0.0, 1 / 3),
              Transform(0.5, 0.0, 0.0, 0.5, 0.25, 0.5, 1 / 3)]


class Canvas:
    def __init__(self, w, h, x0, x1, y0, y1):
        self.w, self.h = w, h
        self.x0, self.x1, self.y0, self.y1 = x0, x1, y0, y1
        self.grid = [[0] * w for _ in range(h)]

    def plot(self, x, y):
        i = int((x - self.x0) / (self.x1 - self.x0) * (self.w - 1))
        j = int((y - self.y0) / (self.y1 - self.y0) * (self.h - 1))
        if 0 <= i < self.w and 0 <= j < self.h:
            self.grid[j][i] += 1

    def checksum(self):
        return sum((j * self.w + i) * (v % 7) for j, row in enumerate(self.grid) for i, v in enumerate(row))


def run(system, canvas, points, rng):
    cumulative = []
    acc = 0.0
    for t in system:
        acc += t.weight
        cumulative.append((acc, t))
    x = y = 0.0
    for _ in range(points):
        r = rng.uniform() * acc
        for limit, t in cumulative:
            if r <= limit:
                break
        x, y = t.apply(x, y)
        canvas.plot(x, y)
    return canvas.checksum()


n = int(sys.argv[1]) if len(sys.argv) > 1 else 600000
rng = LCG(42)
a = run(FERN, Canvas(80, 60, -2.5, 2.8, 0.0, 10.0), n, rng)
b = run(SIERPINSKI, Canvas(64, 64, 0.0, 1.0, 0.0, 1.0), n, rng)
print("checksum", a, b)
