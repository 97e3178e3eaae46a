#!/usr/bin/python3.11
"""Differential test of weft's front end against python3.11 over a source tree.

usage: run_tree.py WEFT [--root DIR] [--every N] [--jobs N] [--show N]

For every .py file under ROOT (default /usr/lib/python3.11, sorted walk):
if python3.11's ast.parse accepts it, `WEFT -X dump-ast FILE` must print exactly
ast.dump(tree, include_attributes=True); if python3.11 rejects it, weft must
reject it too, with the same line (`WEFT -X syntax-error FILE`).  --every N
checks every Nth file (the fast subset that ctest runs).  Exit status 0 iff all
checked files match.  Expected output comes from this interpreter (run it with
/usr/bin/python3.11 and PYTHONHASHSEED=0).
"""
import argparse, ast, os, subprocess, sys
from concurrent.futures import ThreadPoolExecutor


def expected(path):
    src = open(path, 'rb').read()
    try:
        tree = ast.parse(src, path)
    except SyntaxError as e:
        return ('err', e.lineno or 0, type(e).__name__, e.msg)
    except (ValueError, MemoryError, RecursionError) as e:
        return ('err', 0, type(e).__name__, str(e))
    try:
        return ('ok', ast.dump(tree, include_attributes=True) + '\n')
    except (RecursionError, ValueError) as e:
        return ('err', 0, type(e).__name__, str(e))


def check(weft, path):
    exp = expected(path)
    if exp[0] == 'ok':
        r = subprocess.run([weft, '-X', 'dump-ast', path], capture_output=True, timeout=60)
        got = r.stdout.decode('utf-8', 'surrogateescape')
        if r.returncode == 0 and got == exp[1]:
            return None
        if r.returncode != 0:
            return 'weft rejected: ' + (r.stdout + r.stderr).decode('utf-8', 'replace').strip()[-300:]
        i = next((k for k in range(min(len(got), len(exp[1]))) if got[k] != exp[1][k]),
                 min(len(got), len(exp[1])))
        return 'dump differs at char %d:\n  want ...%s\n  got  ...%s' % (
            i, exp[1][max(0, i - 120):i + 80], got[max(0, i - 120):i + 80])
    r = subprocess.run([weft, '-X', 'syntax-error', path], capture_output=True, timeout=60)
    out = r.stdout.decode('utf-8', 'replace').strip()
    if r.returncode != 1 or '|' not in out:
        return 'python3.11 rejects (%s line %s: %s) but weft: %s' % (exp[2], exp[1], exp[3], out[:200])
    fields = out.split('|', 5)
    if int(fields[1]) != exp[1]:
        return 'error line: want %s (%s: %s), got %s (%s: %s)' % (
            exp[1], exp[2], exp[3], fields[1], fields[0], fields[5])
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('weft')
    ap.add_argument('--root', default='/usr/lib/python3.11')
    ap.add_argument('--every', type=int, default=1)
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--show', type=int, default=20)
    a = ap.parse_args()
    files = []
    for d, ds, fs in os.walk(a.root):
        ds.sort()
        files += [os.path.join(d, f) for f in sorted(fs) if f.endswith('.py')]
    files = files[::a.every]
    with ThreadPoolExecutor(a.jobs) as ex:
        results = list(ex.map(lambda p: (p, check(a.weft, p)), files))
    bad = [(p, r) for p, r in results if r]
    for p, r in bad[:a.show]:
        print('FAIL %s: %s' % (p, r))
    print('parse tree: %d/%d files match python3.11' % (len(files) - len(bad), len(files)))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
