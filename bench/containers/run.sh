#!/bin/sh
# Usage: bench/containers/run.sh BUILD_DIR   (a Release build is meaningful)
# Prints weft time, python3.11 time and the ratio weft/python per benchmark.
# Note: python's set_contains loop includes interpreter overhead that the C
# driver does not have; sort and set algebra compare like for like.
set -e
B=${1:-build/release}
cmake --build "$B" --target wf_containers_bench -j1 >/dev/null
"$B"/bench/wf_containers_bench > /tmp/wf_cont_bench_weft.txt
PYTHONHASHSEED=0 /usr/bin/python3.11 "$(dirname "$0")"/bench_py.py > /tmp/wf_cont_bench_py.txt
join /tmp/wf_cont_bench_weft.txt /tmp/wf_cont_bench_py.txt |
  awk '{printf "%-24s weft %8.4fs  python3.11 %8.4fs  ratio %5.2f\n", $1, $2, $3, $2/$3}'
