log = []
def risky(n):
    if n % 3 == 0:
        raise ValueError(n)
    if n % 3 == 1:
        raise KeyError(n)
    return n
for i in range(9):
    try:
        risky(i)
    except ValueError as e:
        log.append(("V", e.args[0]))
    except KeyError as e:
        log.append(("K", e.args[0]))
    else:
        log.append(("ok", i))
print(log)
def handler_raises():
    try:
        raise ValueError("a")
    except ValueError:
        raise TypeError("from handler")
    except TypeError:
        return "not reached"
try:
    handler_raises()
except TypeError as e:
    print(e, "context", repr(e.__context__))
count = 0
while True:
    try:
        count += 1
        if count < 4:
            raise RuntimeError
        break
    except RuntimeError:
        continue
print(count)
