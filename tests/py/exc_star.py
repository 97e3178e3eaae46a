def run(excs):
    try:
        raise ExceptionGroup("g", excs)
    except* ValueError as eg:
        print("ValueError group:", [str(e) for e in eg.exceptions])
    except* TypeError as eg:
        print("TypeError group:", [str(e) for e in eg.exceptions])
run([ValueError("a"), TypeError("b"), ValueError("c")])
run([TypeError("only")])
try:
    run([KeyError("unhandled"), ValueError("h")])
except ExceptionGroup as eg:
    print("rest:", repr(eg))
try:
    try:
        raise ValueError("naked")
    except* ValueError as eg:
        print("wrapped:", repr(eg))
except Exception:
    pass
try:
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError:
        raise KeyError("new")
except ExceptionGroup as eg:
    print("raised in except*:", repr(eg))
def nested():
    try:
        raise ExceptionGroup("o", [ExceptionGroup("i", [OSError("x")]), OSError("y")])
    except* OSError as eg:
        print(repr(eg))
nested()
try:
    try:
        raise ExceptionGroup("g", [ValueError("v")])
    except* ValueError:
        raise
except ExceptionGroup as eg:
    print("reraise:", repr(eg))
