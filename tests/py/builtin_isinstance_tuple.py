checks = [(1, int), (1, (str, int)), (True, bool), (True, int), (1.0, int), ("s", (list, tuple)),
          ([], (list,)), ((), tuple), (None, type(None)), (int, type), (type, object), (len, object)]
for obj, cls in checks:
    print(repr(obj) if not callable(obj) or obj in (int, type) else obj.__name__, isinstance(obj, cls))
print(issubclass(int, object), issubclass(bool, (int, str)), issubclass(list, list), issubclass(dict, (list, set)))
nested = (int, (str, (float,)))
print(isinstance(1.5, nested), isinstance([], nested))
print(isinstance(1, int | str), isinstance("a", int | None), isinstance(None, int | None), issubclass(bool, int | float))
print(int | str, type(int | str).__name__)
