vals = [0, 1, -1, 0.0, 0.1, 0j, 1j, "", " ", "0", [], [0], (), (None,), {}, {0: 0}, set(), {0},
        None, True, False, range(0), range(1), b"", b"\x00", bytearray(), frozenset()]
print([bool(v) for v in vals])
print(sum(1 for v in vals if v))
class Empty:
    pass
print(bool(Empty()))
class FalseByLen:
    def __len__(self): return 0
class TrueByBool:
    def __bool__(self): return True
    def __len__(self): return 0
print(bool(FalseByLen()), bool(TrueByBool()))
print("x" if FalseByLen() else "y", [1 for _ in range(3) if TrueByBool()])
