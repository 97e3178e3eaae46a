import sys
v = sys.version_info
print(v[0], v.major == v[0], v >= (3, 0), v >= (3, 11, 0), v < (3, 12), v[:1], len(v) == 5)
print(type(v.releaselevel).__name__, isinstance(v.serial, int), tuple(v)[:2])
print(sys.version_info > (3,), (3, 10) < sys.version_info, sys.hexversion >= 0x030B0000)
major, minor, *rest = sys.version_info
print(major, minor, len(rest))
