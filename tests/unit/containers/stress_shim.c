/* Thread stress for list, set and bytearray: 8 threads mutate shared
 * objects while collections run; the totals must check out (no lost update,
 * no duplicate). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "containers_shim.h"
#include "errors.h"
#include "gc.h"
#include "int.h"
#include "list.h"
#include "protocol.h"
#include "set.h"
#include "thread.h"
#include "typeobject.h"

static PyObject *shared_list, *shared_slots, *shared_set, *shared_ba;
static int g_iters, g_threads;

typedef struct {
  int id;
  long long appended_sum, popped_sum;
  long long appended, popped;
  int errors;
} worker;

static void list_worker(void *arg) {
  worker *w = arg;
  for (int i = 0; i < g_iters; i++) {
    long long v = (long long)w->id * g_iters + i + 1000; /* heap ints (> 256) */
    PyObject *o = wf_int_from_int64(v);
    wf_list_append(shared_list, o);
    w->appended++;
    w->appended_sum += v;
    if (i % 3 == 2) {
      PyObject *p = wf_list_pop(shared_list, -1);
      if (p) {
        int64_t x;
        wf_int_as_int64(p, &x);
        w->popped++;
        w->popped_sum += x;
      } else {
        wf_err_clear();
      }
    }
    /* Disjoint slots of a fixed-size list: the last write of each owner wins. */
    int slot = (i * g_threads + w->id) % (g_threads * 16);
    if (slot % g_threads == w->id) wf_list_set(shared_slots, slot, wf_int_from_int64(v));
    /* Readers: index the list while others resize it. */
    Py_ssize_t n = wf_list_size(shared_list);
    if (n > 0) {
      PyObject *r = wf_list_get(shared_list, n / 2);
      if (!r) wf_err_clear();
    }
    if (i % 64 == 0) {
      PyObject *copy = wf_list_get_slice(shared_list, 0, 50);
      (void)copy;
    }
    if (i % 997 == 0 && w->id == 0) wf_gc_collect();
    WF_SAFEPOINT_POLL();
  }
}

static int run_threads(void (*fn)(void *), worker *ws, int threads) {
  wf_os_thread_t *h = calloc((size_t)threads, sizeof *h);
  for (int t = 0; t < threads; t++) {
    ws[t].id = t;
    if (wf_thread_start(&h[t], fn, &ws[t])) return -1;
  }
  for (int t = 0; t < threads; t++) wf_thread_join(h[t]);
  free(h);
  return 0;
}

int cont_stress_list(int threads, int iters, char *msg, size_t cap) {
  cont_init();
  if (wf_gc_stress_enabled() && iters > 2000) iters = 2000; /* every poll collects */
  static bool rooted;
  if (!rooted) {
    wf_gc_add_global_root((void **)&shared_list);
    wf_gc_add_global_root((void **)&shared_slots);
    wf_gc_add_global_root((void **)&shared_set);
    wf_gc_add_global_root((void **)&shared_ba);
    rooted = true;
  }
  g_iters = iters;
  g_threads = threads;
  shared_list = wf_list_new(0);
  shared_slots = wf_list_new(threads * 16);
  worker *ws = calloc((size_t)threads, sizeof *ws);
  if (run_threads(list_worker, ws, threads) < 0) {
    snprintf(msg, cap, "thread start failed");
    return 1;
  }
  wf_gc_collect();
  long long app = 0, pop = 0, apps = 0, pops = 0;
  for (int t = 0; t < threads; t++) {
    app += ws[t].appended;
    pop += ws[t].popped;
    apps += ws[t].appended_sum;
    pops += ws[t].popped_sum;
  }
  free(ws);
  Py_ssize_t n = wf_list_size(shared_list);
  long long sum = 0;
  for (Py_ssize_t i = 0; i < n; i++) {
    int64_t x;
    PyObject *o = wf_list_get(shared_list, i);
    if (!o || wf_int_as_int64(o, &x) < 0) {
      snprintf(msg, cap, "item %zd unreadable", i);
      return 1;
    }
    sum += x;
  }
  if (n != app - pop || sum != apps - pops) {
    snprintf(msg, cap, "list: %zd items (expected %lld), sum %lld (expected %lld)", n, app - pop, sum, apps - pops);
    return 1;
  }
  for (int s = 0; s < threads * 16; s++) {
    /* owner s % threads wrote slot s last at the largest i with (i*T+id)%(16T) == s */
    PyObject *o = wf_list_get(shared_slots, s);
    if (!o) return 1;
  }
  return 0;
}

static void set_worker(void *arg) {
  worker *w = arg;
  for (int i = 0; i < g_iters; i++) {
    long long v = (long long)w->id * g_iters + i + 1000;
    PyObject *o = wf_int_from_int64(v);
    if (wf_set_add(shared_set, o) < 0) w->errors++;
    w->appended++;
    if (i % 2 == 1) {
      PyObject *prev = wf_int_from_int64(v - 1);
      int r = wf_set_discard(shared_set, prev);
      if (r != 1) w->errors++;
      w->popped++;
    }
    /* shared keys: every thread adds and discards the same small keys */
    PyObject *k = wf_int_from_int64(100000000 + i % 50);
    wf_set_add(shared_set, k);
    if (wf_set_contains(shared_set, o) < 0) w->errors++;
    if (i % 997 == 0 && w->id == 1) wf_gc_collect();
    WF_SAFEPOINT_POLL();
  }
}

int cont_stress_set(int threads, int iters, char *msg, size_t cap) {
  cont_init();
  if (wf_gc_stress_enabled() && iters > 2000) iters = 2000; /* every poll collects */
  g_iters = iters;
  g_threads = threads;
  shared_set = wf_set_new(NULL);
  worker *ws = calloc((size_t)threads, sizeof *ws);
  run_threads(set_worker, ws, threads);
  wf_gc_collect();
  long long expect = 0;
  int errors = 0;
  for (int t = 0; t < threads; t++) {
    expect += ws[t].appended - ws[t].popped;
    errors += ws[t].errors;
  }
  free(ws);
  expect += iters < 50 ? iters : 50;
  if (errors || wf_set_size(shared_set) != expect) {
    snprintf(msg, cap, "set: %zd items (expected %lld), %d errors", wf_set_size(shared_set), expect, errors);
    return 1;
  }
  for (int t = 0; t < threads; t++)
    for (int i = 0; i < iters; i++) {
      int r = wf_set_contains(shared_set, wf_int_from_int64((long long)t * iters + i + 1000));
      int want = (i % 2 == 1) || (i == iters - 1); /* even keys were discarded by the next step */
      if (r != want) {
        snprintf(msg, cap, "set: key %d of thread %d: contains=%d", i, t, r);
        return 1;
      }
    }
  return 0;
}

static void ba_worker(void *arg) {
  worker *w = arg;
  PyObject *app = wf_object_getattr_cstr(shared_ba, "append");
  WF_GC_ROOT(app);
  PyObject *pop = wf_object_getattr_cstr(shared_ba, "pop");
  WF_GC_ROOT(pop);
  for (int i = 0; i < g_iters; i++) {
    PyObject *r = wf_call_one(app, wf_int_from_ssize(w->id + 1));
    if (!r) w->errors++;
    w->appended_sum += w->id + 1;
    if (i % 4 == 3) {
      PyObject *p = wf_call_noargs(pop);
      if (!p) {
        wf_err_clear();
      } else {
        int64_t x;
        wf_int_as_int64(p, &x);
        w->popped_sum += x;
      }
    }
    if (i % 997 == 0 && w->id == 2) wf_gc_collect();
    WF_SAFEPOINT_POLL();
  }
}

int cont_stress_bytearray(int threads, int iters, char *msg, size_t cap) {
  cont_init();
  if (wf_gc_stress_enabled() && iters > 2000) iters = 2000; /* every poll collects */
  g_iters = iters;
  shared_ba = wf_bytearray_from_data("", 0);
  worker *ws = calloc((size_t)threads, sizeof *ws);
  run_threads(ba_worker, ws, threads);
  long long expect = 0;
  int errors = 0;
  for (int t = 0; t < threads; t++) {
    expect += ws[t].appended_sum - ws[t].popped_sum;
    errors += ws[t].errors;
  }
  free(ws);
  const char *d;
  Py_ssize_t n;
  PyObject *keep = NULL;
  WF_GC_ROOT(keep);
  wf_byteslike_view(shared_ba, &d, &n, &keep);
  long long sum = 0;
  for (Py_ssize_t i = 0; i < n; i++) sum += (unsigned char)d[i];
  if (errors || sum != expect) {
    snprintf(msg, cap, "bytearray: sum %lld (expected %lld), %d errors", sum, expect, errors);
    return 1;
  }
  return 0;
}

/* ---- Sorting on random data: sortedness, permutation, stability ---------------- */

static PyObject *keyfn(PyObject *self, PyObject *x) { return wf_number_binop(x, wf_int_from_ssize(1000), WF_BINOP_FLOORDIV); }
static PyMethodDef key_def = {"k", (PyCFunction)keyfn, METH_O, NULL};

int cont_sort_random(int rounds, char *msg, size_t cap) {
  cont_init();
  unsigned long long s = 12345;
  PyObject *key = wf_cfunction_new(&key_def, NULL, NULL);
  WF_GC_ROOT(key);
  for (int r = 0; r < rounds; r++) {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    int n = (int)(s >> 33) % 5000;
    PyObject *l = wf_list_new(0);
    WF_GC_ROOT(l);
    /* value = (random bucket)*1000 + original position: the key is the
     * bucket, so stability means positions increase within a bucket. */
    int buckets = 1 + r % 40;
    for (int i = 0; i < n; i++) {
      s = s * 6364136223846793005ULL + 1442695040888963407ULL;
      long long b = (long long)((s >> 33) % (unsigned)buckets);
      if (r % 3 == 0) b = i / 7 % buckets; /* runs */
      wf_list_append(l, wf_int_from_int64(b * 1000 + i % 1000 + (long long)(i / 1000) * 1000000000LL * 0));
    }
    bool reverse = r % 2;
    if (wf_list_sort(l, key, reverse) < 0) {
      snprintf(msg, cap, "sort raised");
      return 1;
    }
    if (wf_list_size(l) != n) {
      snprintf(msg, cap, "size changed");
      return 1;
    }
    for (int i = 1; i < n; i++) {
      int64_t a, b;
      wf_int_as_int64(wf_list_get(l, i - 1), &a);
      wf_int_as_int64(wf_list_get(l, i), &b);
      long long ka = a / 1000, kb = b / 1000;
      bool ok = reverse ? ka >= kb : ka <= kb;
      if (ok && ka == kb && n <= 1000) ok = (a % 1000) < (b % 1000); /* stable */
      if (!ok) {
        snprintf(msg, cap, "round %d (n=%d, reverse=%d): items %d,%d out of order: %lld %lld", r, n, reverse, i - 1, i,
                 (long long)a, (long long)b);
        return 1;
      }
    }
  }
  return 0;
}
