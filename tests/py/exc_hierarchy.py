for cls in [ZeroDivisionError, KeyError, IndexError, FileNotFoundError, RecursionError,
            UnboundLocalError, StopIteration, GeneratorExit, KeyboardInterrupt, SystemExit,
            NotImplementedError, ModuleNotFoundError, UnicodeDecodeError, TimeoutError,
            BrokenPipeError, OverflowError, TabError]:
    print(cls.__name__, [c.__name__ for c in cls.__mro__[1:]])
print(issubclass(IOError, OSError), IOError is OSError, EnvironmentError is OSError)
try:
    raise FileNotFoundError(2, "No such file")
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror, e)
try:
    {}[1]
except LookupError as e:
    print("LookupError caught", type(e).__name__)
try:
    raise SystemExit(3)
except BaseException as e:
    print("base", type(e).__name__, e.code)
