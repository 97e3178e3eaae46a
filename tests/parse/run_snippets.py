#!/usr/bin/python3.11
"""Malformed-snippet test: weft's SyntaxError vs python3.11's.

usage: run_snippets.py WEFT [SNIPPETS] [--min-rate 0.9] [-v]

SNIPPETS (default snippets.txt next to this script) holds programs separated by
"### name" lines.  For each, python3.11 (compile(..., PyCF_ONLY_AST)) gives the
expected exception type, msg, lineno and offset; `WEFT -X syntax-error FILE`
must give the same.  A second check compares the printed error (`WEFT FILE`
vs `python3.11 FILE`, stderr).  Fails if the match rate is below --min-rate or
if weft crashes or hangs on any snippet.
"""
import argparse, ast, os, subprocess, sys, tempfile


def load(path):
    items, name, lines = [], None, []
    for line in open(path, encoding='utf-8').read().split('\n'):
        if line.startswith('### '):
            if name:
                items.append((name, '\n'.join(lines) + '\n'))
            name, lines = line[4:].strip(), []
        else:
            lines.append(line)
    if name:
        items.append((name, '\n'.join(lines).rstrip('\n') + '\n'))
    return items


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('weft')
    ap.add_argument('snippets', nargs='?',
                    default=os.path.join(os.path.dirname(os.path.abspath(__file__)), 'snippets.txt'))
    ap.add_argument('--min-rate', type=float, default=0.9)
    ap.add_argument('-v', action='store_true')
    a = ap.parse_args()
    items = load(a.snippets)
    ok = printed_ok = crashes = valid = 0
    with tempfile.TemporaryDirectory() as d:
        for name, src in items:
            path = os.path.join(d, name + '.py')
            with open(path, 'w', encoding='utf-8') as f:
                f.write(src)
            try:
                compile(src.encode('utf-8'), path, 'exec', ast.PyCF_ONLY_AST)
                print('SNIPPET IS VALID PYTHON: %s' % name)
                valid += 1
                continue
            except (SyntaxError, MemoryError, RecursionError, ValueError) as e:
                want = '%s|%s|%s|%s' % (type(e).__name__, getattr(e, 'lineno', None),
                                        getattr(e, 'offset', None), getattr(e, 'msg', str(e)))
            try:
                r = subprocess.run([a.weft, '-X', 'syntax-error', path], capture_output=True,
                                   timeout=10)
            except subprocess.TimeoutExpired:
                print('HANG %s' % name)
                crashes += 1
                continue
            if r.returncode not in (0, 1):
                print('CRASH %s (rc %d): %s' % (name, r.returncode, r.stderr.decode()[-300:]))
                crashes += 1
                continue
            out = r.stdout.decode('utf-8', 'replace').strip()
            f = out.split('|', 5)
            got = '%s|%s|%s|%s' % (f[0], f[1], f[2], f[5]) if len(f) == 6 else out
            if got == want:
                ok += 1
            elif a.v:
                print('MISMATCH %s\n  want %s\n  got  %s' % (name, want, got))
            pw = subprocess.run([sys.executable, path], capture_output=True).stderr
            pg = subprocess.run([a.weft, path], capture_output=True, timeout=10).stderr
            if pw == pg:
                printed_ok += 1
            elif a.v and got == want:
                print('PRINT MISMATCH %s\n%s---\n%s' % (name, pw.decode(), pg.decode()))
    n = len(items) - valid
    rate = ok / n if n else 1.0
    print('parse snippets: %d/%d match python3.11 (type, msg, line, offset) = %.1f%%; '
          'printed form identical for %d/%d; %d crashes/hangs'
          % (ok, n, 100 * rate, printed_ok, n, crashes))
    return 0 if rate >= a.min_rate and crashes == 0 and valid == 0 else 1


if __name__ == '__main__':
    sys.exit(main())
