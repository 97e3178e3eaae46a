#!/bin/sh
# The `make run` demo: runs bench/demo/demo.py under weft (printing its output),
# then times python3.11 and weft on it (best of 3 wall times) and prints both.
# Usage: bench/demo/run.sh [WEFT_BINARY]   (default build/release/vm/weft)
here=$(cd "$(dirname "$0")" && pwd)
weft=${1:-$here/../../build/release/vm/weft}
py=/usr/bin/python3.11
export PYTHONHASHSEED=0
[ -x "$weft" ] || { echo "run.sh: $weft is not an executable" >&2; exit 2; }
"$weft" "$here/demo.py" > /tmp/weft_demo.$$.out
status=$?
cat /tmp/weft_demo.$$.out
if [ $status -ne 0 ]; then
  echo "demo failed under weft (exit $status)" >&2
  rm -f /tmp/weft_demo.$$.out
  exit 1
fi
if "$py" "$here/demo.py" | cmp -s - /tmp/weft_demo.$$.out; then
  echo "output identical to python3.11"
else
  echo "OUTPUT DIFFERS from python3.11" >&2
fi
rm -f /tmp/weft_demo.$$.out
"$py" - "$py" "$weft" "$here/demo.py" <<'PY'
import subprocess, sys, time
py, weft, demo = sys.argv[1:]
def best(interp):
    ts = []
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run([interp, demo], stdout=subprocess.DEVNULL, check=True)
        ts.append(time.perf_counter() - t)
    return min(ts)
tp, tw = best(py), best(weft)
print("python3.11: %.3f s   weft: %.3f s   python3.11/weft: %.2f" % (tp, tw, tp / tw))
PY
