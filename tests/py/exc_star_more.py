def raise_group():
    raise ExceptionGroup("batch", [ValueError(1), ValueError(2), TypeError(3), KeyError(4)])
caught = []
try:
    try:
        raise_group()
    except* ValueError as g:
        caught.append(("V", [e.args[0] for e in g.exceptions]))
    except* (TypeError, KeyError) as g:
        caught.append(("TK", sorted(type(e).__name__ for e in g.exceptions)))
except Exception as e:
    caught.append(("leftover", repr(e)))
print(caught)
try:
    try:
        raise_group()
    except* TypeError:
        pass
except ExceptionGroup as rest:
    print("rest", [repr(e) for e in rest.exceptions])
def else_finally():
    try:
        pass
    except* ValueError:
        print("no")
    else:
        print("else ran")
    finally:
        print("finally ran")
else_finally()
