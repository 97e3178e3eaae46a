#!/usr/bin/env python3
"""Differential test runner: each tests/py/*.py under weft and /usr/bin/python3.11.

For every program (files starting with '_' are helper modules, not tests) both
interpreters run it with PYTHONHASHSEED=0, cwd = the program's folder, argv[1] =
the program's base name.  The run passes when stdout, the exit code and the last
non-empty line of stderr are identical.  python3.11's results are cached under
build/py-expected, keyed by the hash of the program and of the helper modules
beside it.

  run.py [--weft PATH] [--dir DIR] [--filter SUBSTR] [--exclude SUBSTR]... [--env K=V]... [--jobs N]
         [--timeout S] [--list] [--keep-going] [--show-pass] [-v]

Output: one line per failing program with a short diff, then exactly
`N passed, M failed`.  Exit status 1 on any failure.  Without --keep-going the
run stops scheduling programs after the first failure.
"""
import argparse
import concurrent.futures
import hashlib
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PYTHON = "/usr/bin/python3.11"


def resolve(path):
    """A path relative to the cwd if it exists there, else relative to the repo root."""
    if os.path.isabs(path) or os.path.exists(path):
        return os.path.abspath(path)
    return os.path.join(ROOT, path)


def base_env():
    env = dict(os.environ)
    for k in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONWARNINGS", "PYTHONINSPECT"):
        env.pop(k, None)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # helper imports must not litter tests/py
    env["PYTHONIOENCODING"] = "utf-8"
    env["LC_ALL"] = "C.UTF-8"
    return env


def last_line(text):
    lines = [l for l in text.splitlines() if l.strip()]
    return lines[-1].rstrip() if lines else ""


def run_one(argv, cwd, env, timeout):
    try:
        p = subprocess.run(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"timeout": True, "stdout": "", "code": None, "err": "timeout"}
    except OSError as e:
        return {"timeout": False, "stdout": "", "code": None, "err": "cannot run: %s" % e}
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    code = p.returncode
    if code < 0:
        err = err + "\n<killed by signal %d>" % -code
    return {"timeout": False, "stdout": out, "code": code, "err": last_line(err)}


def file_key(path, helpers):
    h = hashlib.sha256()
    for p in [path] + helpers:
        h.update(os.path.basename(p).encode())
        with open(p, "rb") as f:
            h.update(f.read())
    return h.hexdigest()[:32]


def expected(path, helpers, cache_dir, timeout):
    key = file_key(path, helpers)
    cpath = os.path.join(cache_dir, key + ".json")
    try:
        with open(cpath) as f:
            return json.load(f)
    except (OSError, ValueError):
        pass
    res = run_one([PYTHON, os.path.basename(path)], os.path.dirname(path), base_env(), timeout)
    if not res["timeout"]:
        try:
            os.makedirs(cache_dir, exist_ok=True)
            tmp = cpath + ".%d.tmp" % os.getpid()
            with open(tmp, "w") as f:
                json.dump(res, f)
            os.replace(tmp, cpath)
        except OSError:
            pass
    return res


def clip(s, n=70):
    s = repr(s)
    return s if len(s) <= n else s[:n - 3] + "..."


def short_diff(exp, got):
    """A one-line description of the first difference."""
    if got["timeout"]:
        return "timeout"
    if got["code"] is None:
        return got["err"]
    parts = []
    if exp["stdout"] != got["stdout"]:
        el, gl = exp["stdout"].splitlines(), got["stdout"].splitlines()
        i = 0
        while i < min(len(el), len(gl)) and el[i] == gl[i]:
            i += 1
        e = el[i] if i < len(el) else "<end>"
        g = gl[i] if i < len(gl) else "<end>"
        parts.append("stdout line %d: expected %s got %s" % (i + 1, clip(e), clip(g)))
    if exp["code"] != got["code"]:
        parts.append("exit %s, expected %s" % (got["code"], exp["code"]))
    if exp["err"] != got["err"]:
        parts.append("stderr: expected %s got %s" % (clip(exp["err"]), clip(got["err"])))
    return "; ".join(parts)


def full_diff(exp, got):
    import difflib
    d = difflib.unified_diff(exp["stdout"].splitlines(), got["stdout"].splitlines(),
                             "python3.11", "weft", lineterm="", n=1)
    return "\n".join(list(d)[:40])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--weft", default="build/release/vm/weft")
    ap.add_argument("--dir", default=HERE, help="folder of programs (tests/py/todo for the todo set)")
    ap.add_argument("--filter", default="", help="only programs whose name contains SUBSTR")
    ap.add_argument("--exclude", action="append", default=[], help="skip programs whose name contains SUBSTR (repeatable)")
    ap.add_argument("--env", action="append", default=[], help="K=V for weft only (repeatable)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--list", action="store_true", help="list the programs and exit")
    ap.add_argument("--keep-going", action="store_true", help="run every program even after a failure")
    ap.add_argument("--show-pass", action="store_true", help="also print a line per passing program")
    ap.add_argument("--cache", default=os.path.join(ROOT, "build", "py-expected"))
    ap.add_argument("-v", "--verbose", action="store_true", help="print a unified stdout diff per failure")
    args = ap.parse_args()

    folder = resolve(args.dir)
    names = sorted(n for n in os.listdir(folder)
                   if n.endswith(".py") and not n.startswith("_") and n != "run.py" and args.filter in n
                   and not any(x in n for x in args.exclude))
    if args.list:
        for n in names:
            print(n)
        return 0
    helpers = sorted(os.path.join(folder, n) for n in os.listdir(folder)
                     if n.startswith("_") and n.endswith(".py"))
    weft = resolve(args.weft)
    wenv = base_env()
    for kv in args.env:
        k, _, v = kv.partition("=")
        wenv[k] = v

    stop = [False]

    def task(name):
        if stop[0]:
            return name, None
        path = os.path.join(folder, name)
        exp = expected(path, helpers, args.cache, args.timeout)
        got = run_one([weft, name], folder, wenv, args.timeout)
        ok = (not got["timeout"] and exp["stdout"] == got["stdout"] and exp["code"] == got["code"]
              and exp["err"] == got["err"])
        if not ok and not args.keep_going:
            stop[0] = True
        return name, (ok, exp, got)

    passed = failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        for name, res in ex.map(task, names):
            if res is None:
                continue
            ok, exp, got = res
            if ok:
                passed += 1
                if args.show_pass:
                    print("PASS %s" % name)
            else:
                failed += 1
                print("FAIL %s: %s" % (name, short_diff(exp, got)), flush=True)
                if args.verbose:
                    print(full_diff(exp, got))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
