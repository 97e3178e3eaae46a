/* Thread stress of dict: N threads set / delete / setdefault / pop on shared
 * dicts (int, str and tuple keys: tuple keys take the path that compares
 * outside the lock and re-validates) while collections run; afterwards the
 * contents must be exactly what each thread's own operations imply. */
#include <stdio.h>
#include <stdlib.h>

#include "dict.h"
#include "errors.h"
#include "int.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "thread.h"
#include "tuple.h"

#define NDICTS 3
static PyObject *shared[NDICTS];
static int iters_per_thread;
static _Atomic long failures;

typedef struct {
  int id;
} targ;

static PyObject *make_key(int tid, int i, int kind) {
  switch (kind) {
  case 0: return wf_int_from_ssize((Py_ssize_t)tid * 10000000 + i);
  case 1: return wf_str_from_format("t%d-%d", tid, i);
  default: return wf_tuple_pack(2, wf_int_from_ssize(tid), wf_int_from_ssize(i));
  }
}

static void worker(void *p) {
  int tid = ((targ *)p)->id;
  for (int i = 0; i < iters_per_thread; i++) {
    int kind = i % 3;
    PyObject *d = shared[i % NDICTS];
    PyObject *k = make_key(tid, i, kind);
    WF_GC_ROOT(k);
    PyObject *v = wf_int_from_ssize(i);
    WF_GC_ROOT(v);
    if (wf_dict_setitem(d, k, v) < 0) failures++;
    /* read back through the lock-free path */
    PyObject *g = wf_dict_getitem(d, k);
    if (g != v) failures++;
    /* every even i: delete the key again (odd keys stay) */
    if (i % 2 == 0 && wf_dict_delitem(d, k) < 0) failures++;
    /* setdefault on a key shared by all threads: always the first value */
    PyObject *sk = wf_str_from_format("shared%d", i % 7);
    WF_GC_ROOT(sk);
    PyObject *sv = wf_dict_setdefault(shared[0], sk, sk);
    if (!sv || !wf_str_check(sv)) failures++;
    if (i % 64 == 0) wf_gc_collect();
    WF_SAFEPOINT_POLL();
  }
}

const char *core_dict_threads(int nthreads, int iters) {
  static char msg[256];
  wf_runtime_init();
  iters_per_thread = iters;
  for (int i = 0; i < NDICTS; i++) {
    shared[i] = wf_dict_new();
    wf_gc_add_global_root((void **)&shared[i]);
  }
  wf_os_thread_t th[16];
  targ args[16];
  for (int t = 0; t < nthreads; t++) {
    args[t].id = t + 1;
    if (wf_thread_start(&th[t], worker, &args[t]) != 0) return "thread start failed";
  }
  for (int t = 0; t < nthreads; t++) wf_thread_join(th[t]);
  if (failures) {
    snprintf(msg, sizeof msg, "%ld operations failed", (long)failures);
    return msg;
  }
  /* Expected: odd i of every thread, in dict i % NDICTS, value i; + 7 shared keys. */
  Py_ssize_t total = 0;
  for (int i = 0; i < NDICTS; i++) total += wf_dict_size(shared[i]);
  Py_ssize_t want = (Py_ssize_t)nthreads * (iters / 2) + 7;
  if (total != want) {
    snprintf(msg, sizeof msg, "dicts hold %zd items, want %zd", total, want);
    return msg;
  }
  for (int t = 1; t <= nthreads; t++)
    for (int i = 1; i < iters; i += 2) {
      PyObject *k = make_key(t, i, i % 3);
      PyObject *v = wf_dict_getitem(shared[i % NDICTS], k);
      if (!v || wf_int_as_ssize(v) != i) {
        snprintf(msg, sizeof msg, "thread %d key %d: %s", t, i, v ? "wrong value" : "missing");
        return msg;
      }
    }
  return "";
}
