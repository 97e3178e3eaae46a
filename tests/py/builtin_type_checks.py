values = [1, 1.5, 1j, "s", b"b", bytearray(), [], (), {}, set(), frozenset(), None, True, range(1), slice(1),
          len, print, object(), type, int, lambda: 0, iter([]), (x for x in []), {}.keys(), {}.values(), {}.items(),
          NotImplemented, ..., memoryview(b"")]
for v in values:
    print(type(v).__name__)
