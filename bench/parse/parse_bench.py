#!/usr/bin/python3.11
"""Front-end benchmark: parse every .py file under /usr/lib/python3.11 with
python3.11's ast.parse and with weft (`weft -X parse-bench LIST`), best of N
runs each, file reading excluded from both timings.

usage: parse_bench.py WEFT [--root DIR] [--repeat N]
Use a Release build of weft (-DCMAKE_BUILD_TYPE=Release).
"""
import argparse, ast, os, resource, subprocess, sys, tempfile, time, warnings


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('weft')
    ap.add_argument('--root', default='/usr/lib/python3.11')
    ap.add_argument('--repeat', type=int, default=3)
    a = ap.parse_args()
    files = []
    for d, ds, fs in os.walk(a.root):
        ds.sort()
        files += [os.path.join(d, f) for f in sorted(fs) if f.endswith('.py')]
    srcs = [(p, open(p, 'rb').read()) for p in files]
    warnings.simplefilter('ignore')
    best_py = None
    for _ in range(a.repeat):
        t = 0.0
        for p, s in srcs:
            t0 = time.perf_counter()
            try:
                ast.parse(s, p)
            except (SyntaxError, ValueError, MemoryError, RecursionError):
                pass
            t += time.perf_counter() - t0
        best_py = t if best_py is None else min(best_py, t)
    with tempfile.NamedTemporaryFile('w', suffix='.txt', delete=False) as f:
        f.write('\n'.join(files) + '\n')
        lst = f.name
    best_wf = None
    try:
        for _ in range(a.repeat):
            out = subprocess.run([a.weft, '-X', 'parse-bench', lst], capture_output=True,
                                 text=True, check=True).stdout
            t = float(out.split()[-2])
            best_wf = t if best_wf is None else min(best_wf, t)
    finally:
        os.unlink(lst)
    # Peak resident memory: python3.11 holds every source in memory as well
    # (this process); weft reads them one at a time (its largest run).
    py_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    wf_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    nbytes = sum(len(s) for _, s in srcs)
    print('parse bench: %d files, %.1f MB' % (len(files), nbytes / 1e6))
    print('  python3.11 ast.parse: %.3f s' % best_py)
    print('  weft:                 %.3f s' % best_wf)
    print('  speedup: %.2fx' % (best_py / best_wf))
    print('  peak RSS: python3.11 %.0f MiB (sources included), weft %.0f MiB' % (py_rss, wf_rss))
    return 0


if __name__ == '__main__':
    sys.exit(main())
