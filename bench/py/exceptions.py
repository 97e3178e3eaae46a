"""Raising and catching exceptions, try/finally, custom exception classes. Arg: n."""
import sys


class AppError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


def risky(i):
    if i % 3 == 0:
        raise AppError(i)
    if i % 5 == 0:
        raise KeyError(i)
    return i


def layer(i):
    try:
        return risky(i)
    finally:
        pass


def main(n):
    total = 0
    for i in range(n):
        try:
            total += layer(i)
        except AppError as e:
            total += e.code % 11
        except KeyError:
            total -= 1
        try:
            try:
                raise ValueError(i)
            except ValueError as e:
                raise TypeError("wrapped") from e
        except TypeError as e:
            total += e.__cause__.args[0] & 1
    return total


n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
print("checksum", main(n))
