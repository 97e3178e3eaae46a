import sys
sys.stdout.write("direct write\n")
sys.stderr.write("to stderr only\n")
print("print to stdout")
print("print to stderr", file=sys.stderr)
sys.stdout.flush()
print(sys.stdout.isatty() in (True, False), hasattr(sys.stdout, "encoding"))
print(sys.stdout.encoding.lower().replace("-", ""))
sys.stderr.write("last stderr line\n")
