print(repr(exit), repr(quit), repr(help))
print(type(exit).__name__, exit.name, exit.eof)
import sys
class In:
    def close(self):
        print("closed")
sys.stdin = In()
try:
    exit(3)
except SystemExit as e:
    print("exit", e.code)
try:
    quit()
except SystemExit as e:
    print("quit", e.code)
exit("bye")
