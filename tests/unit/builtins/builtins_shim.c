/* Shims for builtins_test.cc: the vector runner and the thread stress. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins_shim.h"
#include "dict.h"
#include "errors.h"
#include "gc.h"
#include "int.h"
#include "iterobject.h"
#include "list.h"
#include "module.h"
#include "modules.h"
#include "protocol.h"
#include "pylit.h"
#include "runtime.h"
#include "str.h"
#include "thread.h"
#include "tuple.h"
#include "typeobject.h"

__attribute__((constructor)) static void set_hash_seed(void) { setenv("PYTHONHASHSEED", "0", 1); }

static PyObject *bdict;

static PyObject *builtins_dict(void) {
  wf_runtime_init();
  if (!bdict) {
    PyObject *m = wf_builtins_init();
    if (!m) {
      fprintf(stderr, "wf_builtins_init failed\n");
      abort();
    }
    bdict = wf_module_get_dict(m);
    wf_gc_add_global_root((void **)&bdict);
  }
  return bdict;
}

static void unescape(char *s) {
  char *o = s;
  for (char *p = s; *p; p++) {
    if (*p == '\\' && p[1] == '\\') {
      *o++ = '\\';
      p++;
    } else if (*p == '\\' && p[1] == 'n') {
      *o++ = '\n';
      p++;
    } else {
      *o++ = *p;
    }
  }
  *o = 0;
}

/* repr(result) or "!Type: str(exc)", malloc'd. */
static char *outcome(PyObject *r) {
  PyObject *s = NULL;
  WF_GC_ROOT(r);
  WF_GC_ROOT(s);
  if (r) s = wf_object_repr(r);
  if (s) {
    const char *u = wf_str_as_utf8(s, NULL);
    return strdup(u ? u : "<utf8?>");
  }
  PyObject *exc = wf_err_fetch();
  WF_GC_ROOT(exc);
  if (!exc) return strdup("<NULL without exception>");
  PyObject *msg = wf_object_str(exc);
  if (!msg) {
    wf_err_clear();
    msg = wf_str_from_cstr("<str failed>");
  }
  char buf[4096];
  snprintf(buf, sizeof buf, "!%s: %s", WF_TYPE(exc)->tp_name, wf_str_as_utf8(msg, NULL));
  return strdup(buf);
}

long bi_run_cases(const char *path, long *fails, char *report, size_t cap) {
  PyObject *d = builtins_dict();
  FILE *f = fopen(path, "r");
  if (!f) return -1;
  char *line = NULL;
  size_t lcap = 0;
  long n = 0;
  *fails = 0;
  report[0] = 0;
  while (getline(&line, &lcap, f) > 0) {
    char *fields[5];
    char *p = line;
    int k = 0;
    for (; k < 5; k++) {
      fields[k] = p;
      char *tab = k < 4 ? strchr(p, '\t') : NULL;
      if (k < 4 && !tab) break;
      if (tab) {
        *tab = 0;
        p = tab + 1;
      }
    }
    if (k < 5) continue;
    fields[4][strcspn(fields[4], "\n")] = 0;
    unescape(fields[4]);
    if (getenv("WF_BI_TRACE")) fprintf(stderr, "%s %s %s\n", fields[0], fields[1], fields[2]);
    PyObject *fn = wf_dict_getitem_cstr(d, fields[0]);
    PyObject *args = NULL, *kwargs = NULL, *r = NULL;
    WF_GC_ROOT(args);
    WF_GC_ROOT(kwargs);
    WF_GC_ROOT(r);
    char *got;
    if (!fn) {
      got = strdup("<missing builtin>");
    } else {
      args = wf_test_eval(fields[1]);
      kwargs = args ? wf_test_eval(fields[2]) : NULL;
      if (!args || !kwargs) {
        got = outcome(NULL);
        char *g2 = malloc(strlen(got) + 20);
        sprintf(g2, "<pylit: %s>", got);
        free(got);
        got = g2;
      } else {
        r = wf_call_tuple_dict(fn, args, wf_dict_size(kwargs) ? kwargs : NULL);
        if (r && fields[3][0] == 'l') r = wf_sequence_list(r);
        got = outcome(r);
      }
    }
    n++;
    if (strcmp(got, fields[4]) != 0) {
      (*fails)++;
      size_t used = strlen(report);
      if (*fails <= 60 && used + 600 < cap)
        snprintf(report + used, cap - used, "  %s%s %s\n      got:  %.200s\n      want: %.200s\n", fields[0], fields[1],
                 fields[2], got, fields[4]);
    }
    free(got);
    wf_err_clear();
    WF_SAFEPOINT_POLL();
  }
  free(line);
  fclose(f);
  return n;
}

int bi_check_names(const char *names, char *report, size_t cap) {
  PyObject *d = builtins_dict();
  int missing = 0;
  report[0] = 0;
  for (const char *p = names; *p; p += strlen(p) + 1) {
    if (!wf_dict_getitem_cstr(d, p)) {
      missing++;
      size_t used = strlen(report);
      if (used + 100 < cap) snprintf(report + used, cap - used, "%s ", p);
    }
  }
  return missing;
}

/* ---- Thread stress ---- */

static PyObject *shared[6];
static int g_n;

typedef struct {
  int id;
  long counts[6];
  long long sums[6];
  int errors;
} worker;

static void stress_worker(void *arg) {
  worker *w = arg;
  for (int round = 0; round < 6; round++) {
    PyObject *it = shared[round];
    for (;;) {
      PyObject *x = wf_iter_next(it);
      if (!x) {
        if (wf_err_occurred()) {
          w->errors++;
          wf_err_clear();
        }
        break;
      }
      int64_t v = 0;
      if (wf_tuple_check(x)) x = WF_TUPLE_GET(x, 0); /* enumerate: the index; zip: first item */
      if (wf_int_as_int64(x, &v) < 0) {
        w->errors++;
        wf_err_clear();
      }
      w->counts[round]++;
      w->sums[round] += v;
      WF_SAFEPOINT_POLL();
    }
  }
}

/* A counter for iter(callable, sentinel): returns 0, 1, ... n-1, then n. */
static long long g_counter;
static PyObject *count_fn(PyObject *self, PyObject *unused) {
  long long v = __atomic_fetch_add(&g_counter, 1, __ATOMIC_RELAXED);
  return wf_int_from_int64(v > g_n ? g_n : v);
}
static PyMethodDef count_def = {"count", count_fn, METH_NOARGS, NULL};

int bi_stress(int threads, int n, char *msg, size_t cap) {
  PyObject *d = builtins_dict();
  if (wf_gc_stress_enabled() && n > 1000) n = 1000; /* every poll collects */
  g_n = n;
  g_counter = 0;
  static bool rooted;
  if (!rooted) {
    for (int i = 0; i < 6; i++) wf_gc_add_global_root((void **)&shared[i]);
    rooted = true;
  }
  PyObject *range = wf_call_one(wf_dict_getitem_cstr(d, "range"), wf_int_from_ssize(n));
  WF_GC_ROOT(range);
  PyObject *list = wf_sequence_list(range);
  WF_GC_ROOT(list);
  PyObject *args[3];
  /* enumerate over an iterator of the list; reversed over the list; zip of two list
   * iterators; map(abs, ...); filter(None, ...); callable_iterator. */
  shared[0] = wf_call_one((PyObject *)&wf_enumerate_type, wf_object_getiter(list));
  shared[1] = wf_reversed_new(list);
  args[0] = wf_object_getiter(list);
  WF_GC_ROOT(args[0]);
  args[1] = wf_object_getiter(list);
  WF_GC_ROOT(args[1]);
  shared[2] = wf_call((PyObject *)&wf_zip_type, args, 2, NULL);
  args[0] = wf_dict_getitem_cstr(d, "abs");
  args[1] = wf_object_getiter(list);
  shared[3] = wf_call((PyObject *)&wf_map_type, args, 2, NULL);
  args[0] = WF_NONE;
  args[1] = wf_object_getiter(list);
  shared[4] = wf_call((PyObject *)&wf_filter_type, args, 2, NULL);
  shared[5] = wf_calliter_new(wf_cfunction_new(&count_def, NULL, NULL), wf_int_from_ssize(n));
  for (int i = 0; i < 6; i++)
    if (!shared[i]) {
      snprintf(msg, cap, "could not create iterator %d", i);
      wf_err_clear();
      return -1;
    }
  worker *ws = calloc((size_t)threads, sizeof *ws);
  wf_os_thread_t *h = calloc((size_t)threads, sizeof *h);
  for (int t = 0; t < threads; t++) {
    ws[t].id = t;
    if (wf_thread_start(&h[t], stress_worker, &ws[t])) return -1;
  }
  for (int t = 0; t < threads; t++) wf_thread_join(h[t]);
  free(h);
  long counts[6] = {0};
  long long sums[6] = {0};
  int errors = 0;
  for (int t = 0; t < threads; t++) {
    errors += ws[t].errors;
    for (int i = 0; i < 6; i++) counts[i] += ws[t].counts[i], sums[i] += ws[t].sums[i];
  }
  free(ws);
  long long full = (long long)n * (n - 1) / 2;
  msg[0] = 0;
  /* enumerate: each index once; reversed and the callable iterator: each item once;
   * zip/map/filter: at most n items (their list iterators hand out each item once). */
  if (errors)
    snprintf(msg, cap, "%d errors", errors);
  else if (counts[0] != n || sums[0] != full)
    snprintf(msg, cap, "enumerate: %ld items, index sum %lld", counts[0], sums[0]);
  else if (counts[1] != n || sums[1] != full)
    snprintf(msg, cap, "reversed: %ld items, sum %lld", counts[1], sums[1]);
  else if (counts[2] > n)
    snprintf(msg, cap, "zip: %ld items", counts[2]);
  else if (counts[3] != n || sums[3] != full)
    snprintf(msg, cap, "map: %ld items, sum %lld", counts[3], sums[3]);
  else if (counts[4] != n - 1 || sums[4] != full)
    snprintf(msg, cap, "filter: %ld items, sum %lld", counts[4], sums[4]);
  else if (counts[5] != n || sums[5] != full)
    snprintf(msg, cap, "callable_iterator: %ld items, sum %lld", counts[5], sums[5]);
  return msg[0] ? -1 : 0;
}
