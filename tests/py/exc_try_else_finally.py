def f(x):
    log = []
    try:
        log.append("try")
        if x == 1:
            raise ValueError("v")
        if x == 2:
            return log + ["returned"]
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(f(0)); print(f(1)); print(f(2))
def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("finally", i)
g()
def h():
    try:
        try:
            raise KeyError("inner")
        finally:
            print("inner finally")
    except KeyError as e:
        print("outer caught", e)
h()
def nested_else():
    try:
        pass
    except Exception:
        print("no")
    else:
        try:
            raise TypeError("in else")
        except TypeError as e:
            print("else handler", e)
nested_else()
def fin_exc():
    try:
        raise ValueError("first")
    finally:
        print("cleanup")
try:
    fin_exc()
except ValueError as e:
    print("propagated", e)
