#!/bin/sh
# Compares weft's str building/methods and dict operations with python3.11.
# Usage: bench/types/run.sh [BUILD_DIR] [MIN_SECONDS_PER_CASE]
# BUILD_DIR defaults to build/release (target wf_types_bench).
set -e
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build/release}
t=${2:-0.2}
bin=$(find "$build" -name wf_types_bench -type f | head -n 1)
[ -x "$bin" ] || { echo "wf_types_bench not built in $build" >&2; exit 1; }
"$bin" "$t" > /tmp/wf_types_bench.$$.c
/usr/bin/python3.11 "$here/bench_py.py" "$t" > /tmp/wf_types_bench.$$.py
/usr/bin/python3.11 - /tmp/wf_types_bench.$$.c /tmp/wf_types_bench.$$.py <<'PY'
import sys
def load(p):
    return {(l.split()[0], int(l.split()[1])): float(l.split()[2]) for l in open(p) if l.strip()}
c, py = load(sys.argv[1]), load(sys.argv[2])
print("%-15s %6s %12s %14s %9s" % ("op", "size", "weft (ns)", "python3.11 (ns)", "py/weft"))
for k in c:
    print("%-15s %6d %12.1f %14.1f %9.2f" % (k[0], k[1], c[k] * 1e9, py[k] * 1e9, py[k] / c[k]))
PY
rm -f /tmp/wf_types_bench.$$.c /tmp/wf_types_bench.$$.py
