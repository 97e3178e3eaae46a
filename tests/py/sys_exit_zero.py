import sys
try:
    sys.exit(5)
except SystemExit as e:
    print("caught", e.code)
try:
    sys.exit()
except SystemExit as e:
    print("caught", e.code)
try:
    raise SystemExit("text")
except SystemExit as e:
    print("caught", e.code)
def f():
    try:
        sys.exit(1)
    finally:
        print("finally runs on exit")
try:
    f()
except SystemExit:
    pass
print("end")
sys.exit(0)
