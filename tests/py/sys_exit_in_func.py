import sys
def deep(n):
    if n == 0:
        print("exiting from depth")
        sys.exit(7)
    deep(n - 1)
deep(10)
