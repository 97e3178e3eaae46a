/* str building/methods and dict insert/lookup/delete through the runtime's
 * wf_* API (str methods called by name, as the interpreter will), timed per
 * operation. Prints "op size seconds" lines (seconds per operation; for the
 * loop operations, per loop step); bench_py.py prints the same for
 * python3.11 and run.sh shows the ratios. Each timed call polls a safepoint
 * so that the garbage produced is collected as in a real program. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dict.h"
#include "errors.h"
#include "floatobject.h"
#include "int.h"
#include "list.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "thread.h"
#include "tuple.h"

static double min_time = 0.3;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static volatile PyObject *sink;

static void die(const char *label) {
  fprintf(stderr, "%s failed\n", label);
  exit(1);
}

/* Seconds per call of fn. */
static double bench_run(const char *label, PyObject *(*fn)(void)) {
  long reps = 0, batch = 1;
  double t0 = now(), t;
  for (;;) {
    for (long i = 0; i < batch; i++) {
      sink = fn();
      if (!sink) die(label);
      WF_SAFEPOINT_POLL();
    }
    reps += batch;
    t = now() - t0;
    if (t >= min_time) break;
    if (t < min_time / 8) batch *= 2;
  }
  return t / (double)reps;
}

/* Best of three runs (as timeit.repeat on the python side). */
static double best_of(const char *label, PyObject *(*fn)(void)) {
  double best = 1e30;
  for (int r = 0; r < 3; r++) {
    double t = bench_run(label, fn);
    if (t < best) best = t;
  }
  return best;
}

static void report(const char *label, int size, double per_op) {
  printf("%s %d %.12f\n", label, size, per_op);
  fflush(stdout);
}

#define N_PARTS 100
#define N_KEYS 1000

static PyObject *parts, *empty, *comma, *words, *text100, *text1000, *needle, *old_s, *new_s, *fmt, *fmt_args,
    *str_keys, *int_keys, *full_str, *full_int, *one;

/* ---- str ---------------------------------------------------------------- */

static PyObject *op_join(void) { return wf_str_join(empty, parts); }

static PyObject *op_concat_loop(void) {
  PyObject *s = empty;
  WF_GC_ROOT(s);
  for (Py_ssize_t i = 0; i < N_PARTS; i++) {
    s = wf_str_concat(s, wf_list_get(parts, i));
    if (!s) return NULL;
  }
  return s;
}

static PyObject *op_split(void) { return wf_call_method_cstr(words, "split", NULL, 0); }
static PyObject *op_split_sep(void) { return wf_call_method_cstr(words, "split", &comma, 1); }

static PyObject *op_replace(void) {
  PyObject *a[2] = {old_s, new_s};
  return wf_call_method_cstr(text100, "replace", a, 2);
}

static PyObject *op_find(void) { return wf_call_method_cstr(text1000, "find", &needle, 1); }
static PyObject *op_upper(void) { return wf_call_method_cstr(text100, "upper", NULL, 0); }
static PyObject *op_format(void) { return wf_str_format_method(fmt, fmt_args, NULL); }

/* ---- dict --------------------------------------------------------------- */

static PyObject *insert_all(PyObject *keys) {
  PyObject *d = wf_dict_new();
  if (!d) return NULL;
  WF_GC_ROOT(d);
  for (Py_ssize_t i = 0; i < N_KEYS; i++)
    if (wf_dict_setitem(d, wf_list_get(keys, i), one) < 0) return NULL;
  return d;
}

static PyObject *insdel_all(PyObject *keys) {
  PyObject *d = insert_all(keys);
  if (!d) return NULL;
  WF_GC_ROOT(d);
  for (Py_ssize_t i = 0; i < N_KEYS; i++)
    if (wf_dict_delitem(d, wf_list_get(keys, i)) < 0) return NULL;
  return d;
}

static PyObject *lookup_all(PyObject *d, PyObject *keys) {
  PyObject *v = NULL;
  for (Py_ssize_t i = 0; i < N_KEYS; i++) {
    /* d[k]: the subscript protocol, as the interpreter's BINARY_SUBSCR. */
    v = wf_object_getitem(d, wf_list_get(keys, i));
    if (!v) return NULL;
  }
  return v;
}

static PyObject *op_insert_str(void) { return insert_all(str_keys); }
static PyObject *op_insdel_str(void) { return insdel_all(str_keys); }
static PyObject *op_lookup_str(void) { return lookup_all(full_str, str_keys); }
static PyObject *op_insert_int(void) { return insert_all(int_keys); }
static PyObject *op_insdel_int(void) { return insdel_all(int_keys); }
static PyObject *op_lookup_int(void) { return lookup_all(full_int, int_keys); }

int main(int argc, char **argv) {
  if (argc > 1) min_time = atof(argv[1]);
  wf_runtime_init();
  void **roots[] = {(void **)&parts,   (void **)&empty,    (void **)&comma,    (void **)&words,
                    (void **)&text100, (void **)&text1000, (void **)&needle,   (void **)&old_s,
                    (void **)&new_s,   (void **)&fmt,      (void **)&fmt_args, (void **)&str_keys,
                    (void **)&int_keys, (void **)&full_str, (void **)&full_int, (void **)&one};
  for (size_t i = 0; i < sizeof roots / sizeof roots[0]; i++) wf_gc_add_global_root(roots[i]);

  /* The same inputs as bench_py.py. */
  char buf[4096];
  empty = wf_str_from_cstr("");
  comma = wf_str_from_cstr(",");
  one = wf_int_from_int64(1);
  parts = wf_list_new(0);
  for (int i = 0; i < N_PARTS; i++) {
    snprintf(buf, sizeof buf, "part%d", i);
    wf_list_append(parts, wf_str_from_cstr(buf));
  }
  /* words: "w0 w1,w2 ..." 50 words, separators alternating ' ' and ','. */
  size_t k = 0;
  for (int i = 0; i < 50; i++) k += (size_t)snprintf(buf + k, sizeof buf - k, "%sw%d", i ? (i % 2 ? " " : ",") : "", i);
  words = wf_str_from_cstr(buf);
  for (int i = 0; i < 100; i++) buf[i] = "abcdefghij"[i % 10];
  buf[100] = 0;
  text100 = wf_str_from_cstr(buf);
  for (int i = 0; i < 1000; i++) buf[i] = "abcdefghij"[i % 10];
  memcpy(buf + 990, "needle!!!!", 10);
  buf[1000] = 0;
  text1000 = wf_str_from_cstr(buf);
  needle = wf_str_from_cstr("needle");
  old_s = wf_str_from_cstr("cd");
  new_s = wf_str_from_cstr("XYZ");
  fmt = wf_str_from_cstr("{} and {:>10.3f} ({!r})");
  fmt_args = wf_tuple_pack(3, wf_int_from_int64(123456), wf_float_from_double(3.14159), wf_str_from_cstr("x"));
  str_keys = wf_list_new(0);
  int_keys = wf_list_new(0);
  for (int i = 0; i < N_KEYS; i++) {
    snprintf(buf, sizeof buf, "key_%d", i);
    wf_list_append(str_keys, wf_str_from_cstr(buf));
    wf_list_append(int_keys, wf_int_from_int64((int64_t)i * 7919));
  }
  for (int i = 0; i < N_KEYS; i++) wf_str_hash(wf_list_get(str_keys, i)); /* cached, as in python */
  full_str = insert_all(str_keys);
  full_int = insert_all(int_keys);
  if (!full_str || !full_int || !fmt_args) die("setup");

  report("str_join", N_PARTS, best_of("str_join", op_join));
  report("str_concat_loop", N_PARTS, best_of("str_concat_loop", op_concat_loop) / N_PARTS);
  report("str_split", 50, best_of("str_split", op_split));
  report("str_split_sep", 50, best_of("str_split_sep", op_split_sep));
  report("str_replace", 100, best_of("str_replace", op_replace));
  report("str_find", 1000, best_of("str_find", op_find));
  report("str_upper", 100, best_of("str_upper", op_upper));
  report("str_format", 3, best_of("str_format", op_format));
  double ins = best_of("dict_insert_str", op_insert_str);
  report("dict_insert_str", N_KEYS, ins / N_KEYS);
  report("dict_lookup_str", N_KEYS, best_of("dict_lookup_str", op_lookup_str) / N_KEYS);
  double insdel = best_of("dict_delete_str", op_insdel_str);
  report("dict_delete_str", N_KEYS, (insdel - ins) / N_KEYS);
  ins = best_of("dict_insert_int", op_insert_int);
  report("dict_insert_int", N_KEYS, ins / N_KEYS);
  report("dict_lookup_int", N_KEYS, best_of("dict_lookup_int", op_lookup_int) / N_KEYS);
  insdel = best_of("dict_delete_int", op_insdel_int);
  report("dict_delete_int", N_KEYS, (insdel - ins) / N_KEYS);
  return 0;
}
