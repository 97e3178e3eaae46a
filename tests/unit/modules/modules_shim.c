/* C side of the math/time/_thread/itertools tests: runs the vectors that
 * gen_vectors.py wrote (see its header for the format) and the thread
 * checks. Each function returns "" or a message. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dict.h"
#include "errors.h"
#include "floatobject.h"
#include "int.h"
#include "list.h"
#include "modules.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"
#include "../../support/pylit.h"

static PyObject *mods; /* dict name -> module (GC root) */

static void init(void) {
  wf_runtime_init();
  if (mods) return;
  setenv("TZ", "UTC", 1);
  tzset();
  mods = wf_dict_new();
  wf_gc_add_global_root((void **)&mods);
  wf_dict_setitem_cstr(mods, "math", wf_math_init());
  wf_dict_setitem_cstr(mods, "time", wf_time_init());
  wf_dict_setitem_cstr(mods, "_thread", wf_thread_module_init());
  wf_dict_setitem_cstr(mods, "itertools", wf_itertools_init());
}

static PyObject *mod_attr(const char *mod, const char *name) {
  PyObject *m = wf_dict_getitem_cstr(mods, mod);
  if (!m) return wf_err_format(&wf_KeyError_type, "no module %s", mod);
  return wf_object_getattr_cstr(m, name);
}

/* repr of a value or "!Type: message" of the current exception (malloc'd). */
static char *outcome(PyObject *v) {
  PyObject *r = NULL;
  WF_GC_ROOT(r);
  if (v) {
    r = wf_object_repr(v);
    if (r) return strdup(wf_str_as_utf8(r, NULL));
  }
  PyObject *e = wf_err_fetch();
  WF_GC_ROOT(e);
  PyObject *s = e ? wf_object_str(e) : NULL;
  const char *msg = s ? wf_str_as_utf8(s, NULL) : "?";
  const char *tn = e ? WF_TYPE(e)->tp_name : "?";
  wf_err_clear();
  size_t n = strlen(msg) + strlen(tn) + 8;
  char *buf = malloc(n);
  snprintf(buf, n, "!%s: %s", tn, msg);
  return buf;
}

static PyObject *eval_arg(const char *text) {
  long long secs;
  if (sscanf(text, "time_gmtime(%lld)", &secs) == 1) {
    PyObject *f = mod_attr("time", "gmtime");
    if (!f) return NULL;
    WF_GC_ROOT(f);
    PyObject *a = wf_int_from_int64(secs);
    return wf_call(f, &a, 1, NULL);
  }
  return wf_test_eval(text);
}

/* [(k, list(g)) for k, g in it] */
static PyObject *groupby_list(PyObject *it) {
  WF_GC_ROOT(it);
  PyObject *res = wf_list_new(0);
  WF_GC_ROOT(res);
  for (;;) {
    PyObject *kg = wf_iter_next(it);
    if (!kg) return wf_err_occurred() ? NULL : res;
    WF_GC_ROOT(kg);
    PyObject *g = wf_sequence_list(WF_TUPLE_GET(kg, 1));
    if (!g) return NULL;
    PyObject *pair = wf_tuple_pack(2, WF_TUPLE_GET(kg, 0), g);
    if (wf_list_append(res, pair) < 0) return NULL;
  }
}

static bool approx_equal(const char *got, const char *want) {
  if (strcmp(got, want) == 0) return true;
  char *e1, *e2;
  double a = strtod(got, &e1), b = strtod(want, &e2);
  if (*e1 || *e2 || e1 == got || e2 == want) return false;
  if (a == b) return true;
  return fabs(a - b) <= 1e-13 * fmax(fabs(a), fabs(b)) || fabs(a - b) <= 2.5e-16;
}

static bool is_kwarg(const char *t) {
  const char *eq = strchr(t, '=');
  return eq && eq > t && eq[1] != '=' && strspn(t, "abcdefghijklmnopqrstuvwxyz_") == (size_t)(eq - t);
}

/* Call fields[1].fields[2] with the argument fields [3, arrow). */
static PyObject *call_line(char **fields, int arrow, const char *flags) {
  PyObject *f = mod_attr(fields[1], fields[2]);
  if (!f) return NULL;
  WF_GC_ROOT(f);
  PyObject *keep = wf_list_new(0); /* roots the arguments */
  WF_GC_ROOT(keep);
  PyObject *kwl = wf_list_new(0);
  WF_GC_ROOT(kwl);
  for (int pass = 0; pass < 2; pass++) /* positional args first, then keyword args */
    for (int i = 3; i < arrow; i++) {
      char *t = fields[i];
      if (is_kwarg(t) != (pass == 1)) continue;
      char *val = t;
      if (pass == 1) {
        char *eq = strchr(t, '=');
        *eq = 0;
        PyObject *k = wf_str_from_cstr(t);
        *eq = '=';
        if (wf_list_append(kwl, k) < 0) return NULL;
        val = eq + 1;
      }
      PyObject *v = eval_arg(val);
      if (!v || wf_list_append(keep, v) < 0) return NULL;
    }
  Py_ssize_t nkw = wf_list_size(kwl), nall = wf_list_size(keep);
  PyObject *kwnames = nkw ? wf_list_as_tuple(kwl) : NULL;
  WF_GC_ROOT(kwnames);
  PyObject *argt = wf_list_as_tuple(keep);
  WF_GC_ROOT(argt);
  PyObject *r = wf_call(f, WF_TUPLE_ITEMS(argt), (size_t)(nall - nkw), kwnames);
  if (r && flags[0] == 'L') r = wf_sequence_list(r);
  else if (r && flags[0] == 'G') r = groupby_list(r);
  else if (r && flags[0] == 'T') {
    WF_GC_ROOT(r);
    PyObject *l = wf_list_new(0);
    WF_GC_ROOT(l);
    for (Py_ssize_t i = 0; i < WF_SIZE(r); i++) {
      PyObject *x = wf_sequence_list(WF_TUPLE_GET(r, i));
      if (!x || wf_list_append(l, x) < 0) return NULL;
    }
    r = l;
  }
  return r;
}

/* One vector line; returns true when it matches. */
static bool run_line(char *line, char *why, size_t cap) {
  char *fields[32];
  int n = 0;
  for (char *p = line; n < 32;) {
    fields[n++] = p;
    char *tab = strchr(p, '\t');
    if (!tab) break;
    *tab = 0;
    p = tab + 1;
  }
  int arrow = -1;
  for (int i = 3; i < n; i++)
    if (strcmp(fields[i], "=>") == 0) arrow = i;
  if (n < 4 || arrow < 0) {
    snprintf(why, cap, "bad line");
    return false;
  }
  const char *flags = fields[0], *want = arrow + 1 < n ? fields[arrow + 1] : "";
  char *result = outcome(call_line(fields, arrow, flags));
  bool ok = flags[0] == '~' ? approx_equal(result, want) : strcmp(result, want) == 0;
  if (!ok) snprintf(why, cap, "%s.%s: got %s, want %s", fields[1], fields[2], result, want);
  free(result);
  return ok;
}

long modules_run_vectors(const char *path, long *fails, char *report, size_t cap) {
  init();
  FILE *fp = fopen(path, "r");
  if (!fp) return 0;
  char *line = NULL;
  size_t lcap = 0;
  long count = 0;
  size_t used = 0;
  report[0] = 0;
  ssize_t len;
  while ((len = getline(&line, &lcap, fp)) > 0) {
    if (line[len - 1] == '\n') line[len - 1] = 0;
    char *copy = strdup(line);
    char why[1024];
    count++;
    if (!run_line(line, why, sizeof why)) {
      (*fails)++;
      if (used + 200 < cap) used += (size_t)snprintf(report + used, cap - used, "%.1000s\n  [%.300s]\n", why, copy);
    }
    free(copy);
  }
  free(line);
  fclose(fp);
  return count;
}

/* ---- Threads ---------------------------------------------------------------------------- */

static long counter;

/* worker(lock, n): n times { lock.acquire(); counter++; allocate; lock.release() } */
static PyObject *worker(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  (void)self, (void)nargs;
  PyObject *lock = args[0];
  WF_GC_ROOT(lock);
  Py_ssize_t n = wf_int_as_ssize(args[1]);
  for (Py_ssize_t i = 0; i < n; i++) {
    PyObject *r = wf_call_method_cstr(lock, "acquire", NULL, 0);
    if (!r) return NULL;
    long c = counter;
    PyObject *junk = wf_list_new(4); /* garbage while others wait */
    (void)junk;
    counter = c + 1;
    if (!wf_call_method_cstr(lock, "release", NULL, 0)) return NULL;
  }
  return WF_NONE;
}

static PyMethodDef worker_def = {"worker", (PyCFunction)(void (*)(void))worker, METH_FASTCALL, NULL};

/* Wait until _thread._count() is 0, sleeping with time.sleep (native state). */
static int wait_threads(void) {
  PyObject *count = mod_attr("_thread", "_count");
  WF_GC_ROOT(count);
  PyObject *sleep = mod_attr("time", "sleep");
  WF_GC_ROOT(sleep);
  PyObject *d = wf_float_from_double(0.001);
  WF_GC_ROOT(d);
  for (int i = 0; i < 120000; i++) {
    PyObject *c = wf_call_noargs(count);
    if (!c) return -1;
    if (wf_int_sign(c) == 0) return 0;
    if (!wf_call_one(sleep, d)) return -1;
  }
  return -1;
}

static char tmsg[512];

const char *modules_thread_counter(const char *locktype, int nthreads, int iters) {
  init();
  counter = 0;
  PyObject *mk = mod_attr("_thread", locktype);
  WF_GC_ROOT(mk);
  PyObject *lock = mk ? wf_call_noargs(mk) : NULL;
  WF_GC_ROOT(lock);
  PyObject *start = mod_attr("_thread", "start_new_thread");
  WF_GC_ROOT(start);
  PyObject *fn = wf_cfunction_new(&worker_def, NULL, NULL);
  WF_GC_ROOT(fn);
  if (!lock || !start) return "setup failed";
  PyObject *n = wf_int_from_ssize(iters);
  WF_GC_ROOT(n);
  PyObject *args = wf_tuple_pack(2, lock, n);
  WF_GC_ROOT(args);
  for (int i = 0; i < nthreads; i++) {
    PyObject *argv[2] = {fn, args};
    PyObject *id = wf_call(start, argv, 2, NULL);
    if (!id) return "start_new_thread failed";
  }
  if (wait_threads() < 0) return "threads did not finish";
  if (counter != (long)nthreads * iters) {
    snprintf(tmsg, sizeof tmsg, "counter %ld, want %ld", counter, (long)nthreads * iters);
    return tmsg;
  }
  return "";
}

/* Lock semantics in one thread. */
const char *modules_lock_basics(void) {
  init();
  PyObject *mk = mod_attr("_thread", "allocate_lock");
  WF_GC_ROOT(mk);
  PyObject *l = wf_call_noargs(mk);
  WF_GC_ROOT(l);
  PyObject *r = wf_call_method_cstr(l, "acquire", NULL, 0);
  if (r != WF_TRUE) return "acquire";
  PyObject *f = WF_FALSE;
  r = wf_call_method_cstr(l, "acquire", &f, 1);
  if (r != WF_FALSE) return "non-blocking acquire of a held lock";
  PyObject *argv[2] = {WF_TRUE, wf_float_from_double(0.02)};
  WF_GC_ROOT(argv[1]);
  struct timespec a, b;
  clock_gettime(CLOCK_MONOTONIC, &a);
  r = wf_call_method_cstr(l, "acquire", argv, 2);
  clock_gettime(CLOCK_MONOTONIC, &b);
  double el = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) * 1e-9;
  if (r != WF_FALSE || el < 0.015) return "timed acquire";
  char *s = outcome(l);
  bool locked_repr = strncmp(s, "<locked _thread.lock object at 0x", 33) == 0;
  free(s);
  if (!locked_repr) return "repr";
  if (!wf_call_method_cstr(l, "release", NULL, 0)) return "release";
  r = wf_call_method_cstr(l, "release", NULL, 0);
  s = outcome(r);
  bool ok = strcmp(s, "!RuntimeError: release unlocked lock") == 0;
  free(s);
  if (!ok) return "double release";
  /* RLock recursion */
  mk = mod_attr("_thread", "RLock");
  PyObject *rl = wf_call_noargs(mk);
  WF_GC_ROOT(rl);
  for (int i = 0; i < 3; i++)
    if (wf_call_method_cstr(rl, "acquire", NULL, 0) != WF_TRUE) return "rlock acquire";
  s = outcome(rl);
  ok = strstr(s, "<locked _thread.RLock object owner=") == s && strstr(s, " count=3 at 0x");
  free(s);
  if (!ok) return "rlock repr";
  for (int i = 0; i < 3; i++)
    if (!wf_call_method_cstr(rl, "release", NULL, 0)) return "rlock release";
  r = wf_call_method_cstr(rl, "release", NULL, 0);
  s = outcome(r);
  ok = strcmp(s, "!RuntimeError: cannot release un-acquired lock") == 0;
  free(s);
  if (!ok) return "rlock over-release";
  return "";
}

/* ---- Shared itertools iterators ---------------------------------------------------------- */

static long *seen;    /* seen[v]: how often value v came out */
static long seen_n;

/* drain(it, n): n times next(it); record int values (or tuple (a, b) as a*100+b). */
static PyObject *drain(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  (void)self, (void)nargs;
  PyObject *it = args[0];
  WF_GC_ROOT(it);
  Py_ssize_t n = wf_int_as_ssize(args[1]);
  for (Py_ssize_t i = 0; i < n; i++) {
    PyObject *v = wf_iter_next(it);
    if (!v) {
      if (wf_err_occurred()) return NULL;
      break;
    }
    long x;
    if (wf_tuple_check(v)) x = wf_int_as_ssize(WF_TUPLE_GET(v, 0)) * 100 + wf_int_as_ssize(WF_TUPLE_GET(v, 1));
    else x = wf_int_as_ssize(v);
    if (x >= 0 && x < seen_n) __atomic_fetch_add(&seen[x], 1, __ATOMIC_RELAXED);
  }
  return WF_NONE;
}

static PyMethodDef drain_def = {"drain", (PyCFunction)(void (*)(void))drain, METH_FASTCALL, NULL};

/* 8 threads drain one shared iterator built from `expr` (a call of an itertools
 * function on pylit args, e.g. "count", or "product"); every value 0..total-1 must come
 * out exactly once. */
const char *modules_shared_iter(const char *func, const char *arg1, const char *arg2, long total, int nthreads) {
  init();
  seen_n = total;
  seen = calloc((size_t)total, sizeof(long));
  PyObject *f = mod_attr("itertools", func);
  WF_GC_ROOT(f);
  PyObject *a[2] = {arg1 ? wf_test_eval(arg1) : NULL, NULL};
  WF_GC_ROOT(a[0]);
  a[1] = arg2 ? wf_test_eval(arg2) : NULL;
  WF_GC_ROOT(a[1]);
  PyObject *it = f ? wf_call(f, a, (size_t)(arg2 ? 2 : arg1 ? 1 : 0), NULL) : NULL;
  WF_GC_ROOT(it);
  if (!it) return "cannot make the iterator";
  PyObject *start = mod_attr("_thread", "start_new_thread");
  WF_GC_ROOT(start);
  PyObject *fn = wf_cfunction_new(&drain_def, NULL, NULL);
  WF_GC_ROOT(fn);
  PyObject *n = wf_int_from_ssize(total / nthreads);
  PyObject *args = wf_tuple_pack(2, it, n);
  WF_GC_ROOT(args);
  for (int i = 0; i < nthreads; i++) {
    PyObject *argv[2] = {fn, args};
    if (!wf_call(start, argv, 2, NULL)) return "start_new_thread failed";
  }
  if (wait_threads() < 0) return "threads did not finish";
  for (long i = 0; i < total; i++)
    if (seen[i] != 1) {
      snprintf(tmsg, sizeof tmsg, "value %ld came out %ld times", i, seen[i]);
      free(seen);
      return tmsg;
    }
  free(seen);
  return "";
}
