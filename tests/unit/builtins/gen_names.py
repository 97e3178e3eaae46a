"""Writes a C string literal kNames with every name of python3.11's builtins
module (NUL-separated), for builtins_test.cc."""
import builtins
import sys

skip = {'__loader__', '__spec__', 'copyright', 'credits', 'license', '_'}
names = [n for n in sorted(vars(builtins)) if n not in skip]
with open(sys.argv[1], 'w') as f:
    f.write('static const char kNames[] = "%s\\0";\n' % ''.join(n + '\\0' for n in names))
