#!/usr/bin/env python3
"""Runs the bench/py programs under python3.11, pypy3 and weft and prints a table.

  run.py [--weft PATH] [--repeat N] [--filter SUBSTR] [--size N] [--no-pypy]

For each benchmark every interpreter runs it --repeat times (default 3); the table
shows the median wall time of each, python3.11/weft (speed ratio: >1 means weft is
faster), weft/python3.11 peak RSS (median of each), and the checksum check.  Then
the geometric mean of the speed ratios, and threads_scaling.py with 1 and 2
threads under python3.11 and weft, with the speedup of 2 threads over 1.
A missing interpreter shows as '-'; a wrong checksum as 'BAD'.
"""
import argparse
import math
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PYTHON = "/usr/bin/python3.11"


def resolve(path):
    if os.path.isabs(path) or os.path.exists(path):
        return os.path.abspath(path)
    return os.path.join(ROOT, path)


def run_once(interp, script, args, timeout):
    """(seconds, peak RSS in KiB, stdout) of one run, or None on failure."""
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1")
    argv = ["/usr/bin/time", "-f", "%e %M", interp, script] + args
    t0 = time.perf_counter()
    try:
        p = subprocess.run(argv, cwd=HERE, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout)
    except (subprocess.TimeoutExpired, OSError):
        return None
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        return None
    try:
        _, rss = p.stderr.decode().strip().splitlines()[-1].split()
        rss = int(rss)
    except (ValueError, IndexError):
        rss = 0
    return wall, rss, p.stdout.decode().strip()


def measure(interp, script, args, repeat, timeout):
    if interp is None:
        return None
    runs = []
    for _ in range(repeat):
        r = run_once(interp, script, args, timeout)
        if r is None:
            return None
        runs.append(r)
    outs = {r[2] for r in runs}
    return (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs),
            outs.pop() if len(outs) == 1 else "<nondeterministic>")


def fmt(x, spec="%.2f"):
    return "-" if x is None else spec % x


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--weft", default="build/release/vm/weft")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--filter", default="")
    ap.add_argument("--size", default=None, help="size argument passed to every benchmark")
    ap.add_argument("--no-pypy", action="store_true")
    ap.add_argument("--timeout", type=float, default=300)
    args = ap.parse_args()

    weft = resolve(args.weft)
    if not os.access(weft, os.X_OK):
        print("note: %s not found; weft column empty" % weft)
        weft = None
    pypy = None if args.no_pypy else shutil.which("pypy3")
    extra = [args.size] if args.size else []
    names = sorted(n for n in os.listdir(HERE)
                   if n.endswith(".py") and n not in ("run.py", "threads_scaling.py") and args.filter in n)

    print("%-16s %10s %9s %9s %10s %10s  %s" % ("benchmark", "python3.11", "pypy3", "weft",
                                               "py/weft", "mem w/py", "checksum"))
    ratios = []
    for name in names:
        py = measure(PYTHON, name, extra, args.repeat, args.timeout)
        pp = measure(pypy, name, extra, args.repeat, args.timeout)
        wf = measure(weft, name, extra, args.repeat, args.timeout)
        ref = py[2] if py else None
        status = "ok"
        for label, r in (("pypy3", pp), ("weft", wf)):
            if r is not None and r[2] != ref:
                status = "BAD " + label
        if wf is None and weft is not None:
            status = "weft failed"
        ratio = py[0] / wf[0] if py and wf and wf[2] == ref else None
        mem = wf[1] / py[1] if py and wf and py[1] else None
        if ratio:
            ratios.append(ratio)
        print("%-16s %10s %9s %9s %10s %10s  %s" % (name[:-3], fmt(py and py[0]), fmt(pp and pp[0]),
                                                   fmt(wf and wf[0]), fmt(ratio), fmt(mem), status),
              flush=True)
    if ratios:
        gm = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print("geometric mean of python3.11/weft speed ratios: %.2f (%d benchmarks)" % (gm, len(ratios)))

    if not args.filter or args.filter in "threads_scaling":
        print()
        print("%-24s %8s %8s %8s" % ("threads_scaling", "1 thread", "2 threads", "speedup"))
        for label, interp in (("python3.11", PYTHON), ("weft", weft)):
            t1 = measure(interp, "threads_scaling.py", ["1"], args.repeat, args.timeout)
            t2 = measure(interp, "threads_scaling.py", ["2"], args.repeat, args.timeout)
            sp = t1[0] / t2[0] if t1 and t2 else None
            bad = "" if not (t1 and t2) or t1[2] == t2[2] else "  BAD checksum"
            print("%-24s %8s %8s %8s%s" % (label, fmt(t1 and t1[0]), fmt(t2 and t2[0]), fmt(sp), bad))
    return 0


if __name__ == "__main__":
    sys.exit(main())
