/* Checks of the std stream type, sys and import, as C functions returning
 * "" on success or a message. Expected values of sys attributes come from
 * python3.11 (sys_expected.txt, written at build time by gen_expected.py). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "int.h"
#include "interp.h"
#include "list.h"
#include "module.h"
#include "modules.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "sys_internal.h"
#include "thread.h"
#include "tuple.h"

static char msg[2048];

static const char *fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static const char *fail(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  return msg;
}

static const char *exc_text(void) {
  static char buf[512];
  PyObject *e = wf_err_fetch();
  if (!e) return "(no exception)";
  PyObject *r = wf_object_repr(e);
  snprintf(buf, sizeof buf, "%s: %s", WF_TYPE(e)->tp_name, r ? wf_str_as_utf8(r, NULL) : "?");
  wf_err_clear();
  return buf;
}

static const char *repr_of(PyObject *o) {
  static char buf[1024];
  if (!o) return exc_text();
  PyObject *r = wf_object_repr(o);
  if (!r) return exc_text();
  snprintf(buf, sizeof buf, "%s", wf_str_as_utf8(r, NULL));
  return buf;
}

/* Expect the current exception to be of type `tname` with str `text`. */
static const char *expect_exc(const char *what, const char *tname, const char *text) {
  PyObject *e = wf_err_fetch();
  if (!e) return fail("%s: no exception, want %s", what, tname);
  PyObject *s = wf_object_str(e);
  const char *got = s ? wf_str_as_utf8(s, NULL) : "?";
  if (strcmp(WF_TYPE(e)->tp_name, tname) || strcmp(got, text))
    return fail("%s: got %s(%s), want %s(%s)", what, WF_TYPE(e)->tp_name, got, tname, text);
  return "";
}

static PyObject *call(PyObject *o, const char *meth, PyObject *arg) {
  return wf_call_method_cstr(o, meth, arg ? &arg : NULL, arg ? 1 : 0);
}

static void init(void) {
  wf_runtime_init();
}

/* ---- The stream type ---------------------------------------------------------------- */

static size_t drain(int fd, char *buf, size_t cap) {
  size_t n = 0;
  for (;;) {
    ssize_t k = read(fd, buf + n, cap - n);
    if (k <= 0) break;
    n += (size_t)k;
  }
  return n;
}

const char *sysimport_stream_write(void) {
  init();
  int p[2];
  if (pipe2(p, O_NONBLOCK) < 0) return "pipe";
  PyObject *s = wf_stdio_new(p[1], "<stdout>", "w", "strict", false, false);
  WF_GC_ROOT(s);
  const char *r = repr_of(s);
  if (strcmp(r, "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>")) return fail("repr %s", r);
  PyObject *v = call(s, "write", wf_str_from_cstr("h\xc3\xa9llo\n"));
  if (!v || strcmp(repr_of(v), "6")) return fail("write returned %s", repr_of(v));
  char buf[65536];
  /* Block-buffered: nothing written yet. */
  if (read(p[0], buf, sizeof buf) > 0) return "block-buffered stream wrote before flush";
  if (!call(s, "flush", NULL)) return fail("flush: %s", exc_text());
  size_t n = drain(p[0], buf, sizeof buf);
  if (n != 7 || memcmp(buf, "h\xc3\xa9llo\n", 7)) return fail("pipe got %zu bytes", n);
  /* A write past the buffer size goes out without flush. */
  PyObject *big = wf_str_repeat(wf_str_from_cstr("x"), 10000);
  if (!call(s, "write", big)) return exc_text();
  n = drain(p[0], buf, sizeof buf);
  if (n != 10000) return fail("big write: %zu bytes", n);
  /* Errors. */
  if (call(s, "write", wf_int_from_ssize(1))) return "write(1) succeeded";
  if (*(r = expect_exc("write(1)", "TypeError", "write() argument must be str, not int"))) return r;
  PyObject *sur = wf_str_from_ucs4((uint32_t[]){0xdc80}, 1);
  if (call(s, "write", sur)) return "write(surrogate) succeeded with strict";
  PyObject *e = wf_err_fetch();
  if (!e || WF_TYPE(e) != &wf_UnicodeEncodeError_type) return fail("surrogate: %s", repr_of(e));
  if (call(s, "read", NULL)) return "read on stdout succeeded";
  if (*(r = expect_exc("read", "UnsupportedOperation", "not readable"))) return r;
  v = wf_object_getattr_cstr(s, "errors");
  if (strcmp(repr_of(v), "'strict'")) return fail("errors %s", repr_of(v));
  if (!call(s, "close", NULL)) return exc_text();
  v = wf_object_getattr_cstr(s, "closed");
  if (v != WF_TRUE) return "closed is not True";
  if (call(s, "write", wf_str_from_cstr("x"))) return "write after close";
  if (*(r = expect_exc("write closed", "ValueError", "I/O operation on closed file."))) return r;
  if (call(s, "fileno", NULL)) return "fileno after close";
  if (*(r = expect_exc("fileno closed", "ValueError", "I/O operation on closed file"))) return r;
  close(p[0]);
  close(p[1]);
  return "";
}

const char *sysimport_stream_stderr(void) {
  init();
  int p[2];
  if (pipe2(p, O_NONBLOCK) < 0) return "pipe";
  PyObject *s = wf_stdio_new(p[1], "<stderr>", "w", "backslashreplace", false, true);
  WF_GC_ROOT(s);
  PyObject *sur = wf_str_from_ucs4((uint32_t[]){'a', 0xdc80, '\n'}, 3);
  PyObject *v = call(s, "write", sur);
  if (!v || strcmp(repr_of(v), "3")) return fail("write returned %s", repr_of(v));
  char buf[256];
  size_t n = drain(p[0], buf, sizeof buf);
  if (n != 8 || memcmp(buf, "a\\udc80\n", 8)) return fail("stderr got %.*s", (int)n, buf);
  /* Broken pipe (weft ignores SIGPIPE, as CPython: wf_modules_init). */
  signal(SIGPIPE, SIG_IGN);
  close(p[0]);
  if (call(s, "write", wf_str_from_cstr("x"))) return "write to a closed pipe succeeded";
  PyObject *e = wf_err_fetch();
  if (!e || WF_TYPE(e) != &wf_BrokenPipeError_type) return fail("EPIPE gave %s", repr_of(e));
  close(p[1]);
  return "";
}

const char *sysimport_stream_read(void) {
  init();
  int p[2];
  if (pipe(p) < 0) return "pipe";
  const char *data = "ab\xc3\xa9" "cd\nxy";
  if (write(p[1], data, strlen(data)) < 0) return "write";
  close(p[1]);
  PyObject *s = wf_stdio_new(p[0], "<stdin>", "r", "surrogateescape", false, false);
  WF_GC_ROOT(s);
  /* python3.11: 'abé' 'cd' '\n' ['xy'] '' */
  const char *want[] = {"'ab\xc3\xa9'", "'cd'", "'\\n'", "['xy']", "''"};
  for (int i = 0; i < 5; i++) {
    PyObject *got = i == 0   ? call(s, "read", wf_int_from_ssize(3))
                    : i == 1 ? call(s, "readline", wf_int_from_ssize(2))
                    : i == 3 ? call(s, "readlines", NULL)
                             : call(s, "readline", NULL);
    if (strcmp(repr_of(got), want[i])) return fail("read step %d: got %s want %s", i, repr_of(got), want[i]);
  }
  if (call(s, "readline", WF_NONE)) return "readline(None) succeeded";
  const char *r = expect_exc("readline(None)", "TypeError", "'NoneType' object cannot be interpreted as an integer");
  if (*r) return r;
  if (call(s, "read", wf_str_from_cstr("x"))) return "read('x') succeeded";
  if (*(r = expect_exc("read('x')", "TypeError", "argument should be integer or None, not 'str'"))) return r;
  if (call(s, "write", wf_str_from_cstr("x"))) return "write on stdin succeeded";
  if (*(r = expect_exc("write stdin", "UnsupportedOperation", "not writable"))) return r;
  close(p[0]);
  /* Iteration and invalid UTF-8 under surrogateescape. */
  if (pipe(p) < 0) return "pipe";
  if (write(p[1], "a\nb\xff\n", 5) < 0) return "write";
  close(p[1]);
  s = wf_stdio_new(p[0], "<stdin>", "r", "surrogateescape", false, false);
  PyObject *l = wf_sequence_list(s);
  if (strcmp(repr_of(l), "['a\\n', 'b\\udcff\\n']")) return fail("list(stdin) = %s", repr_of(l));
  close(p[0]);
  return "";
}

/* 8 threads write numbered lines into one stream over a pipe drained by a
 * plain reader thread: every line must arrive whole. */
typedef struct {
  PyObject **stream;
  int id, lines;
  const char *err;
} writer_arg;

static void writer(void *p) {
  writer_arg *a = p;
  for (int i = 0; i < a->lines; i++) {
    char line[64];
    snprintf(line, sizeof line, "t%d line %d %s\n", a->id, i, "padding-padding-padding");
    PyObject *s = wf_str_from_cstr(line);
    if (!wf_call_method_cstr(*a->stream, "write", &s, 1)) {
      a->err = "write failed";
      wf_err_clear();
      return;
    }
    if (i % 100 == 0) WF_SAFEPOINT_POLL();
  }
}

typedef struct {
  int fd;
  char *buf;
  size_t n, cap;
} reader_arg;

static void *reader(void *p) {
  reader_arg *r = p;
  for (;;) {
    if (r->n == r->cap) {
      r->cap *= 2;
      r->buf = realloc(r->buf, r->cap);
    }
    ssize_t k = read(r->fd, r->buf + r->n, r->cap - r->n);
    if (k <= 0) break;
    r->n += (size_t)k;
  }
  return NULL;
}

static PyObject *shared_stream;

const char *sysimport_stream_threads(int nthreads, int lines) {
  init();
  int p[2];
  if (pipe(p) < 0) return "pipe";
  reader_arg ra = {p[0], malloc(1 << 16), 0, 1 << 16};
  pthread_t rt;
  pthread_create(&rt, NULL, reader, &ra);
  shared_stream = wf_stdio_new(p[1], "<stdout>", "w", "strict", false, false);
  wf_gc_add_global_root((void **)&shared_stream);
  writer_arg args[16];
  wf_os_thread_t th[16];
  for (int i = 0; i < nthreads; i++) {
    args[i] = (writer_arg){&shared_stream, i, lines, NULL};
    if (wf_thread_start(&th[i], writer, &args[i]) != 0) return "thread start";
  }
  for (int i = 0; i < nthreads; i++) wf_thread_join(th[i]);
  if (!call(shared_stream, "flush", NULL)) return exc_text();
  close(p[1]);
  pthread_join(rt, NULL);
  close(p[0]);
  for (int i = 0; i < nthreads; i++)
    if (args[i].err) return args[i].err;
  /* Count and check lines. */
  int *seen = calloc((size_t)nthreads, sizeof(int));
  size_t start = 0;
  int total = 0;
  for (size_t i = 0; i < ra.n; i++) {
    if (ra.buf[i] != '\n') continue;
    int t, k;
    char pad[64];
    if (sscanf(ra.buf + start, "t%d line %d %63s", &t, &k, pad) != 3 || t < 0 || t >= nthreads || k != seen[t] ||
        strcmp(pad, "padding-padding-padding"))
      return fail("bad line %.*s", (int)(i - start), ra.buf + start);
    seen[t]++;
    total++;
    start = i + 1;
  }
  free(seen);
  free(ra.buf);
  if (total != nthreads * lines) return fail("%d lines, want %d", total, nthreads * lines);
  return "";
}

/* ---- sys ---------------------------------------------------------------------------- */

static bool sys_ready;

static const char *ensure_sys(void) {
  init();
  if (sys_ready) return "";
  static char *argv[] = {"prog.py", "a1", NULL};
  if (wf_sys_create(2, argv) < 0) return fail("wf_sys_create: %s", exc_text());
  sys_ready = true;
  return "";
}

/* Each line of the expected file: `expr<TAB>repr` for expr in the small
 * language "sys.NAME[.ATTR][(ARG)]" computed by python3.11. */
const char *sysimport_sys_attrs(const char *path, int *count) {
  const char *e = ensure_sys();
  if (*e) return e;
  FILE *f = fopen(path, "r");
  if (!f) return fail("cannot open %s", path);
  char line[4096];
  *count = 0;
  PyObject *sys = wf_sys_module();
  while (fgets(line, sizeof line, f)) {
    line[strcspn(line, "\n")] = 0;
    char *tab = strchr(line, '\t');
    if (!tab) continue;
    *tab = 0;
    const char *expr = line, *want = tab + 1;
    /* sys.a.b or sys.f() */
    char name[256];
    snprintf(name, sizeof name, "%s", expr + 4);
    bool is_call = strstr(name, "()") != NULL;
    if (is_call) *strstr(name, "()") = 0;
    PyObject *o = sys;
    for (char *part = strtok(name, "."); part && o; part = strtok(NULL, ".")) o = wf_object_getattr_cstr(o, part);
    if (o && is_call) o = wf_call_noargs(o);
    const char *got = repr_of(o);
    if (strcmp(got, want)) {
      fclose(f);
      return fail("%s: got %s, want %s", expr, got, want);
    }
    (*count)++;
  }
  fclose(f);
  return "";
}

const char *sysimport_sys_misc(void) {
  const char *e = ensure_sys();
  if (*e) return e;
  PyObject *sys = wf_sys_module();
  WF_GC_ROOT(sys);
  PyObject *v = wf_object_getattr_cstr(sys, "argv");
  if (strcmp(repr_of(v), "['prog.py', 'a1']")) return fail("argv %s", repr_of(v));
  v = wf_object_getattr_cstr(sys, "stdout");
  if (strcmp(repr_of(v), "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>"))
    return fail("stdout %s", repr_of(v));
  if (wf_object_getattr_cstr(sys, "__stdout__") != v) return "__stdout__ is not stdout";
  PyObject *vi = wf_object_getattr_cstr(sys, "version_info");
  WF_GC_ROOT(vi);
  PyObject *t = wf_tuple_pack(2, wf_int_from_ssize(3), wf_int_from_ssize(11));
  if (wf_object_richcompare_bool(vi, t, Py_GE) != 1) return "version_info >= (3, 11) is not true";
  if (strcmp(repr_of(wf_object_getattr_cstr(vi, "major")), "3")) return "version_info.major";
  if (wf_object_setattr(vi, wf_str_from_cstr("major"), wf_int_from_ssize(4)) == 0) return "version_info.major set";
  const char *r = expect_exc("set major", "AttributeError", "readonly attribute");
  if (*r) return r;
  if (wf_call_noargs((PyObject *)WF_TYPE(vi))) return "type(version_info)() succeeded";
  if (*(r = expect_exc("new version_info", "TypeError", "cannot create 'sys.version_info' instances"))) return r;
  PyObject *f = wf_object_getattr_cstr(sys, "setrecursionlimit");
  WF_GC_ROOT(f);
  if (wf_call_one(f, wf_int_from_ssize(0))) return "setrecursionlimit(0) succeeded";
  if (*(r = expect_exc("setrecursionlimit(0)", "ValueError", "recursion limit must be greater or equal than 1")))
    return r;
  if (wf_call_one(f, wf_str_from_cstr("a"))) return "setrecursionlimit('a') succeeded";
  if (*(r = expect_exc("setrecursionlimit('a')", "TypeError", "'str' object cannot be interpreted as an integer")))
    return r;
  f = wf_object_getattr_cstr(sys, "exit");
  if (wf_call_one(f, wf_int_from_ssize(3))) return "exit returned";
  PyObject *ex = wf_err_fetch();
  if (!ex || WF_TYPE(ex) != &wf_SystemExit_type || strcmp(repr_of(((PySystemExitObject *)ex)->code), "3"))
    return fail("sys.exit(3) raised %s", repr_of(ex));
  f = wf_object_getattr_cstr(sys, "intern");
  if (wf_call_one(f, wf_int_from_ssize(1))) return "intern(1) succeeded";
  if (*(r = expect_exc("intern(1)", "TypeError", "intern() argument must be str, not int"))) return r;
  f = wf_object_getattr_cstr(sys, "setswitchinterval");
  if (wf_call_one(f, wf_int_from_ssize(0))) return "setswitchinterval(0) succeeded";
  if (*(r = expect_exc("setswitchinterval(0)", "ValueError", "switch interval must be strictly positive"))) return r;
  f = wf_object_getattr_cstr(sys, "getsizeof");
  v = wf_call_one(f, wf_str_from_cstr("abc"));
  if (strcmp(repr_of(v), "52")) return fail("getsizeof('abc') = %s", repr_of(v));
  f = wf_object_getattr_cstr(sys, "exc_info");
  if (strcmp(repr_of(wf_call_noargs(f)), "(None, None, None)")) return "exc_info()";
  return "";
}

/* ---- import ----------------------------------------------------------------------- */

static void put(const char *dir, const char *rel, const char *text) {
  char path[1024];
  snprintf(path, sizeof path, "%s/%s", dir, rel);
  FILE *f = fopen(path, "w");
  if (f) {
    fputs(text, f);
    fclose(f);
  }
}

const char *sysimport_import(void) {
  const char *e = ensure_sys();
  if (*e) return e;
  wf_interp_init();
  static bool builtins_done;
  if (!builtins_done) {
    PyObject *b = wf_builtins_init();
    if (!b) return exc_text();
    wf_sys_set_builtins(b);
    wf_dict_setitem_cstr(wf_sys_modules_dict(), "builtins", b);
    builtins_done = true;
  }
  char dir[] = "/tmp/wf_import_XXXXXX";
  if (!mkdtemp(dir)) return "mkdtemp";
  char sub[1100];
  snprintf(sub, sizeof sub, "%s/pkg", dir);
  mkdir(sub, 0755);
  snprintf(sub, sizeof sub, "%s/pkg/inner", dir);
  mkdir(sub, 0755);
  put(dir, "pkg/__init__.py", "count = 1\nfrom . import helper\n");
  put(dir, "pkg/helper.py", "from .inner import deep\nvalue = deep.X * 2\n");
  put(dir, "pkg/inner/__init__.py", "");
  put(dir, "pkg/inner/deep.py", "X = 21\nimport pkg\nseen_partial = hasattr(pkg, 'count')\n");
  put(dir, "cyc_a.py", "import cyc_b\nA = 1\n");
  put(dir, "cyc_b.py", "import cyc_a\nB = getattr(cyc_a, 'A', 'partial')\n");
  put(dir, "bad.py", "x = 1\nraise ValueError('boom')\n");
  put(dir, "syn.py", "x = (\n");
  PyObject *path = wf_sys_get("path");
  PyObject *d = wf_str_from_cstr(dir);
  if (wf_list_insert(path, 0, d) < 0) return exc_text();
  /* import pkg.inner.deep returns pkg; the leaf is an attribute chain. */
  PyObject *name = wf_str_from_cstr("pkg.inner.deep");
  WF_GC_ROOT(name);
  PyObject *m = wf_import_name(name, NULL, WF_NONE, 0);
  WF_GC_ROOT(m);
  if (!m) return fail("import pkg.inner.deep: %s", exc_text());
  if (strncmp(repr_of(m), "<module 'pkg' from '", 20)) return fail("import returned %s", repr_of(m));
  PyObject *helper = wf_object_getattr_cstr(m, "helper");
  if (!helper || strcmp(repr_of(wf_object_getattr_cstr(helper, "value")), "42"))
    return fail("pkg.helper.value: %s", exc_text());
  PyObject *deep = wf_import_module_cstr("pkg.inner.deep");
  if (!deep || wf_object_getattr_cstr(deep, "seen_partial") != WF_TRUE) return "partial pkg not seen from deep";
  PyObject *pk = wf_object_getattr_cstr(deep, "__package__");
  if (strcmp(repr_of(pk), "'pkg.inner'")) return fail("deep.__package__ = %s", repr_of(pk));
  /* from pkg.inner import deep: the leaf package. */
  PyObject *fl = wf_tuple_pack(1, wf_str_from_cstr("deep"));
  m = wf_import_name(wf_str_from_cstr("pkg.inner"), NULL, fl, 0);
  if (!m || strncmp(repr_of(m), "<module 'pkg.inner' from '", 26)) return fail("from pkg.inner: %s", repr_of(m));
  /* Circular import. */
  m = wf_import_module_cstr("cyc_a");
  if (!m) return fail("cyc_a: %s", exc_text());
  PyObject *b = wf_import_module_cstr("cyc_b");
  if (!b || strcmp(repr_of(wf_object_getattr_cstr(b, "B")), "'partial'")) return "cyc_b.B";
  /* Failures: the module is removed from sys.modules. */
  if (wf_import_module_cstr("bad")) return "import bad succeeded";
  const char *r = expect_exc("import bad", "ValueError", "boom");
  if (*r) return r;
  if (wf_dict_getitem_cstr(wf_sys_modules_dict(), "bad")) return "bad left in sys.modules";
  if (wf_import_module_cstr("syn")) return "import syn succeeded";
  PyObject *ex = wf_err_fetch();
  if (!ex || WF_TYPE(ex) != &wf_SyntaxError_type) return fail("syn: %s", repr_of(ex));
  if (wf_import_module_cstr("no_such_mod_xyz")) return "import no_such_mod_xyz succeeded";
  if (*(r = expect_exc("missing", "ModuleNotFoundError", "No module named 'no_such_mod_xyz'"))) return r;
  if (wf_import_module_cstr("cyc_a.x")) return "import cyc_a.x succeeded";
  if (*(r = expect_exc("not pkg", "ModuleNotFoundError", "No module named 'cyc_a.x'; 'cyc_a' is not a package")))
    return r;
  /* Relative import beyond the top. */
  PyObject *g = wf_dict_new();
  wf_dict_setitem_cstr(g, "__name__", wf_str_from_cstr("top"));
  wf_dict_setitem_cstr(g, "__package__", wf_str_from_cstr(""));
  if (wf_import_name(wf_str_from_cstr("x"), g, WF_NONE, 1)) return "relative import succeeded";
  if (*(r = expect_exc("relative", "ImportError", "attempted relative import with no known parent package")))
    return r;
  /* Builtin module. */
  m = wf_import_module_cstr("sys");
  if (m != wf_sys_module()) return "import sys";
  return "";
}
