#!/bin/sh
# Compares a C benchmark of weft (bench/NAME, target wf_NAME_bench) with the
# same operations in python3.11 (bench/NAME/bench_py.py); prints py/weft.
# Usage: bench/compare.sh NAME [BUILD_DIR] [MIN_SECONDS_PER_CASE]
# BUILD_DIR defaults to build/release.
set -e
name=${1:?usage: compare.sh NAME [BUILD_DIR] [SECONDS]}
here=$(cd "$(dirname "$0")" && pwd)/$name
build=${2:-$here/../../build/release}
t=${3:-0.2}
bin=$(find "$build" -name wf_${name}_bench -type f | head -n 1)
[ -x "$bin" ] || { echo "wf_${name}_bench not built in $build" >&2; exit 1; }
"$bin" "$t" > /tmp/wf_${name}_bench.$$.c
/usr/bin/python3.11 "$here/bench_py.py" "$t" > /tmp/wf_${name}_bench.$$.py
/usr/bin/python3.11 - /tmp/wf_${name}_bench.$$.c /tmp/wf_${name}_bench.$$.py <<'PY'
import sys
def load(p):
    return {(l.split()[0], int(l.split()[1])): float(l.split()[2]) for l in open(p) if l.strip()}
c, py = load(sys.argv[1]), load(sys.argv[2])
print("%-15s %6s %12s %14s %9s" % ("op", "size", "weft (ns)", "python3.11 (ns)", "py/weft"))
for k in c:
    print("%-15s %6d %12.1f %14.1f %9.2f" % (k[0], k[1], c[k] * 1e9, py[k] * 1e9, py[k] / c[k]))
PY
rm -f /tmp/wf_${name}_bench.$$.c /tmp/wf_${name}_bench.$$.py
