import sys
print(sys.stdin is not None)
print(type(open).__name__, type(input).__name__)
print(help is not None, type(exit).__name__ != "", type(quit).__name__ != "")
print(__name__, __doc__, type(__builtins__).__name__ in ("module", "dict"))
print(__file__.endswith("builtin_input_free.py"))
