#!/bin/sh
# Compares wf_bigint with python3.11 on the same operations.
# Usage: bench/bigint/run.sh [BUILD_DIR] [MIN_SECONDS_PER_CASE]
# BUILD_DIR defaults to build/release (target wf_bigint_bench is defined in
# tests/unit/bigint/CMakeLists.txt).
set -e
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build/release}
t=${2:-0.3}
bin=$(find "$build" -name wf_bigint_bench -type f | head -n 1)
[ -x "$bin" ] || { echo "wf_bigint_bench not built in $build" >&2; exit 1; }
"$bin" "$t" > /tmp/wf_bigint_bench.$$.c
/usr/bin/python3.11 "$here/bench_py.py" "$t" > /tmp/wf_bigint_bench.$$.py
/usr/bin/python3.11 - /tmp/wf_bigint_bench.$$.c /tmp/wf_bigint_bench.$$.py <<'PY'
import sys
def load(p):
    return {(l.split()[0], int(l.split()[1])): float(l.split()[2]) for l in open(p) if l.strip()}
c, py = load(sys.argv[1]), load(sys.argv[2])
print("%-7s %7s %13s %13s %9s" % ("op", "digits", "weft (s)", "python3.11 (s)", "py/weft"))
for k in sorted(c, key=lambda k: (k[1], k[0])):
    print("%-7s %7d %13.6f %13.6f %9.2f" % (k[0], k[1], c[k], py[k], py[k] / c[k]))
PY
rm -f /tmp/wf_bigint_bench.$$.c /tmp/wf_bigint_bench.$$.py
