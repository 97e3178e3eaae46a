/* itertools: groupby (with _grouper), tee (_tee over shared
 * _tee_dataobject links), product, permutations, combinations,
 * combinations_with_replacement. Thread rules: itertools_internal.h. */
#include <sched.h>
#include <string.h>

#include "dict.h"
#include "floatobject.h"
#include "list.h"
#include "str.h"
#include "thread.h"
#include "itertools_internal.h"

#define VISIT(f) wf_gc_visit(t, __atomic_load_n(&o->f, __ATOMIC_RELAXED))


/* ---- groupby -------------------------------------------------------------------------- */

/* currkey/currvalue change together under the lock; tgtkey and currgrouper
 * are single words. */
typedef struct {
  PyObject ob_base;
  wf_lock lock;
  PyObject *it, *keyfunc, *tgtkey, *currkey, *currvalue, *currgrouper;
} groupbyobject;

typedef struct {
  PyObject ob_base;
  PyObject *parent, *tgtkey;
} grouperobject;

static void groupby_trace(void *p, wf_gc_tracer *t) {
  groupbyobject *o = p;
  VISIT(it);
  VISIT(keyfunc);
  VISIT(tgtkey);
  VISIT(currkey);
  VISIT(currvalue);
  VISIT(currgrouper);
}

static void grouper_trace(void *p, wf_gc_tracer *t) {
  grouperobject *o = p;
  VISIT(parent);
  VISIT(tgtkey);
}

static PyObject *groupby_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  static const char *const names[] = {"iterable", "key", NULL};
  PyObject *a[2] = {0};
  if (wf_arg_unpack_tuple_dict("groupby", args, kwds, names, 1, a) < 0) return NULL;
  WF_GC_ROOT(a[1]);
  PyObject *it = wf_object_getiter(a[0]);
  if (!it) return NULL;
  WF_GC_ROOT(it);
  groupbyobject *o = (groupbyobject *)wf_itertools_alloc(type);
  WF_GC_STORE(&o->it, it);
  WF_GC_STORE(&o->keyfunc, a[1] ? a[1] : WF_NONE);
  return (PyObject *)o;
}

/* Read the next item and its key into currvalue/currkey. 0 or -1 (also at the end). */
static int groupby_step(groupbyobject *o) {
  WF_GC_ROOT(o);
  PyObject *v = wf_iter_next(o->it);
  if (!v) return -1;
  WF_GC_ROOT(v);
  PyObject *k = v;
  PyObject *kf = o->keyfunc;
  if (kf != WF_NONE) {
    k = wf_call_one(kf, v);
    if (!k) return -1;
  }
  wf_lock_acquire(&o->lock);
  WF_GC_STORE(&o->currvalue, v);
  WF_GC_STORE(&o->currkey, k);
  wf_lock_release(&o->lock);
  return 0;
}

static PyObject *groupby_next(PyObject *self) {
  groupbyobject *o = (groupbyobject *)self;
  WF_GC_ROOT(o);
  WF_GC_STORE(&o->currgrouper, NULL);
  /* skip to the next group */
  for (;;) {
    PyObject *ck = WF_GC_LOAD(&o->currkey), *tk = WF_GC_LOAD(&o->tgtkey);
    WF_GC_ROOT(ck);
    WF_GC_ROOT(tk);
    if (ck) {
      if (!tk) break;
      int r = wf_object_richcompare_bool(tk, ck, Py_EQ);
      if (r < 0) return NULL;
      if (r == 0) break;
    }
    if (groupby_step(o) < 0) return NULL;
  }
  PyObject *key = WF_GC_LOAD(&o->currkey);
  WF_GC_ROOT(key);
  WF_GC_STORE(&o->tgtkey, key);
  grouperobject *g = (grouperobject *)wf_object_alloc(&wf_itertools_grouper_type, sizeof(grouperobject));
  WF_GC_STORE(&g->parent, (PyObject *)o);
  WF_GC_STORE(&g->tgtkey, key);
  WF_GC_STORE(&o->currgrouper, (PyObject *)g);
  WF_GC_ROOT(g);
  return wf_tuple_pack(2, key, (PyObject *)g);
}

WF_ITERTOOLS_TYPE(wf_itertools_groupby_type, "groupby", groupbyobject, groupby_next, groupby_trace, groupby_new);

static PyObject *grouper_next(PyObject *self) {
  grouperobject *g = (grouperobject *)self;
  groupbyobject *o = (groupbyobject *)g->parent;
  WF_GC_ROOT(g);
  WF_GC_ROOT(o);
  if (WF_GC_LOAD(&o->currgrouper) != self) return NULL;
  if (!WF_GC_LOAD(&o->currvalue) && groupby_step(o) < 0) return NULL;
  PyObject *ck = WF_GC_LOAD(&o->currkey);
  int r = wf_object_richcompare_bool(g->tgtkey, ck, Py_EQ);
  if (r <= 0) return NULL;
  wf_lock_acquire(&o->lock);
  PyObject *v = o->currvalue;
  WF_GC_STORE(&o->currvalue, NULL);
  wf_lock_release(&o->lock);
  if (!v) return grouper_next(self); /* another thread took it: step again */
  return v;
}

static PyObject *grouper_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  (void)type, (void)args, (void)kwds;
  return wf_err_set_string(&wf_TypeError_type, "cannot create 'itertools._grouper' instances");
}

PyTypeObject wf_itertools_grouper_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "itertools._grouper",
    .tp_basicsize = sizeof(grouperobject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_iter = wf_itertools_self_iter,
    .tp_iternext = grouper_next,
    .tp_new = grouper_new,
    .wf = {.trace = grouper_trace},
};
WF_REGISTER_TYPE(wf_itertools_grouper_type);

/* ---- tee ------------------------------------------------------------------------------ */

enum { LINKCELLS = 57 };

/* A link of the shared buffer: up to LINKCELLS items read from the source,
 * then the next link. `running` is the id of the thread reading the source
 * for this link (0: none): a re-entrant read is CPython's RuntimeError;
 * another thread waits for the reader, polling safepoints. */
typedef struct teedata {
  PyObject ob_base;
  wf_lock lock;
  PyObject *it;
  int numread;
  bool ended;
  uint64_t running;
  struct teedata *nextlink;
  PyObject *values[LINKCELLS];
} teedataobject;

typedef struct {
  PyObject ob_base;
  wf_lock lock;
  teedataobject *data;
  int index;
} teeobject;

static void teedata_trace(void *p, wf_gc_tracer *t) {
  teedataobject *o = p;
  VISIT(it);
  VISIT(nextlink);
  int n = __atomic_load_n(&o->numread, __ATOMIC_ACQUIRE);
  for (int i = 0; i < n; i++) VISIT(values[i]);
}

static void tee_trace(void *p, wf_gc_tracer *t) {
  teeobject *o = p;
  VISIT(data);
}

static teedataobject *teedata_new(PyObject *it) {
  WF_GC_ROOT(it);
  teedataobject *d = (teedataobject *)wf_object_alloc(&wf_itertools_teedata_type, sizeof(teedataobject));
  WF_GC_STORE(&d->it, it);
  return d;
}

/* The next link, created on first use. */
static teedataobject *teedata_jump(teedataobject *d) {
  wf_lock_acquire(&d->lock);
  if (!d->nextlink) {
    teedataobject *n = teedata_new(d->it); /* allocation only: fine under the lock */
    WF_GC_STORE(&d->nextlink, n);
  }
  teedataobject *r = d->nextlink;
  wf_lock_release(&d->lock);
  return r;
}

/* Item i of the link, reading the source as needed. NULL: end or error. */
static PyObject *teedata_get(teedataobject *d, int i) {
  WF_GC_ROOT(d);
  uint64_t me = wf_thread_self()->id;
  for (;;) {
    wf_lock_acquire(&d->lock);
    if (i < d->numread) {
      PyObject *v = d->values[i];
      wf_lock_release(&d->lock);
      return v;
    }
    if (d->ended) {
      wf_lock_release(&d->lock);
      return NULL;
    }
    if (d->running) {
      bool mine = d->running == me;
      wf_lock_release(&d->lock);
      if (mine) return wf_err_set_string(&wf_RuntimeError_type, "cannot re-enter the tee iterator");
      WF_SAFEPOINT_POLL();
      sched_yield();
      continue;
    }
    d->running = me;
    wf_lock_release(&d->lock);
    PyObject *v = wf_iter_next(d->it);
    WF_GC_ROOT(v);
    wf_lock_acquire(&d->lock);
    d->running = 0;
    if (v) {
      WF_GC_STORE(&d->values[d->numread], v);
      __atomic_store_n(&d->numread, d->numread + 1, __ATOMIC_RELEASE);
    } else if (!wf_err_occurred()) {
      d->ended = true;
    }
    wf_lock_release(&d->lock);
    if (!v) return NULL;
  }
}

static PyObject *tee_from_iterator(PyObject *it) {
  WF_GC_ROOT(it);
  teedataobject *d = teedata_new(it);
  WF_GC_ROOT(d);
  teeobject *t = (teeobject *)wf_object_alloc(&wf_itertools_tee_type, sizeof(teeobject));
  WF_GC_STORE(&t->data, d);
  return (PyObject *)t;
}

static PyObject *tee_copy(PyObject *self, PyObject *unused) {
  (void)unused;
  teeobject *src = (teeobject *)self;
  WF_GC_ROOT(src);
  teeobject *t = (teeobject *)wf_object_alloc(&wf_itertools_tee_type, sizeof(teeobject));
  wf_lock_acquire(&src->lock);
  WF_GC_STORE(&t->data, src->data);
  t->index = src->index;
  wf_lock_release(&src->lock);
  return (PyObject *)t;
}

static PyObject *tee_next(PyObject *self) {
  teeobject *t = (teeobject *)self;
  WF_GC_ROOT(t);
  /* claim position (d, i) in one lock section (the link lock nests inside:
   * both sections only allocate) */
  wf_lock_acquire(&t->lock);
  teedataobject *d = t->data;
  int i = t->index;
  if (i >= LINKCELLS) {
    d = teedata_jump(d);
    i = 0;
    WF_GC_STORE(&t->data, d);
  }
  t->index = i + 1;
  wf_lock_release(&t->lock);
  WF_GC_ROOT(d);
  PyObject *v = teedata_get(d, i);
  if (!v) {
    /* give the position back so that a later call reads it again */
    wf_lock_acquire(&t->lock);
    if (t->data == d && t->index == i + 1) t->index = i;
    wf_lock_release(&t->lock);
  }
  return v;
}

static PyObject *tee_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  (void)type;
  if (wf_itertools_no_kw("_tee", kwds) < 0 || wf_arg_check_positional("_tee", WF_SIZE(args), 1, 1) < 0) return NULL;
  PyObject *it = wf_object_getiter(WF_TUPLE_GET(args, 0));
  if (!it) return NULL;
  if (WF_TYPE(it) == &wf_itertools_tee_type) return tee_copy(it, NULL);
  return tee_from_iterator(it);
}

static PyMethodDef tee_methods[] = {
    {"__copy__", (PyCFunction)tee_copy, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject wf_itertools_tee_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "itertools._tee",
    .tp_basicsize = sizeof(teeobject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_iter = wf_itertools_self_iter,
    .tp_iternext = tee_next,
    .tp_methods = tee_methods,
    .tp_new = tee_new,
    .wf = {.trace = tee_trace},
};
WF_REGISTER_TYPE(wf_itertools_tee_type);

PyTypeObject wf_itertools_teedata_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "itertools._tee_dataobject",
    .tp_basicsize = sizeof(teedataobject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .wf = {.trace = teedata_trace},
};
WF_REGISTER_TYPE(wf_itertools_teedata_type);

PyObject *wf_itertools_tee(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  (void)self;
  if (wf_arg_check_positional("tee", nargs, 1, 2) < 0) return NULL;
  Py_ssize_t n = 2;
  if (nargs > 1) {
    if (wf_float_check(args[1]))
      return wf_err_set_string(&wf_TypeError_type, "'float' object cannot be interpreted as an integer");
    n = wf_number_as_ssize_t(args[1], &wf_OverflowError_type);
    if (n == -1 && wf_err_occurred()) return NULL;
  }
  if (n < 0) return wf_err_set_string(&wf_ValueError_type, "n must be >= 0");
  PyObject *it = wf_object_getiter(args[0]);
  if (!it) return NULL;
  WF_GC_ROOT(it);
  PyObject *res = wf_tuple_new(n);
  WF_GC_ROOT(res);
  if (n == 0) return res;
  PyObject *copyable = NULL;
  WF_GC_ROOT(copyable);
  PyObject *copy_fn = NULL;
  WF_GC_ROOT(copy_fn);
  if (wf_object_lookup_attr(it, WF_ID(__copy__), &copy_fn) < 0) return NULL;
  if (copy_fn) {
    copyable = it;
  } else {
    copyable = tee_from_iterator(it);
  }
  WF_TUPLE_INIT(res, 0, copyable);
  for (Py_ssize_t i = 1; i < n; i++) {
    copyable = wf_call_method(copyable, WF_ID(__copy__), NULL, 0);
    if (!copyable) return NULL;
    WF_TUPLE_INIT(res, i, copyable);
  }
  return res;
}

/* ---- Index buffers for the combinatoric iterators -------------------------------------- */

/* A leaf GC object holding Py_ssize_t indices (no references). */
typedef struct {
  PyObject ob_base;
  Py_ssize_t n;
  Py_ssize_t v[];
} indexbuf;

PyTypeObject wf_itertools_indexbuf_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "itertools._indices",
    .tp_basicsize = sizeof(indexbuf),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
};
WF_REGISTER_TYPE(wf_itertools_indexbuf_type);

static indexbuf *indexbuf_new(Py_ssize_t n) {
  indexbuf *b = (indexbuf *)wf_object_alloc(&wf_itertools_indexbuf_type, sizeof(indexbuf) + (size_t)n * sizeof(Py_ssize_t));
  b->n = n;
  return b;
}

/* State shared by product, permutations, combinations and cwr; next() runs
 * entirely under the lock (index arithmetic and tuple allocation only). */
typedef struct {
  PyObject ob_base;
  wf_lock lock;
  PyObject *pool;    /* tuple (product: tuple of pool tuples, one per position) */
  indexbuf *indices;
  indexbuf *cycles;  /* permutations only */
  Py_ssize_t r;
  bool started, stopped;
} combobject;

static void comb_trace(void *p, wf_gc_tracer *t) {
  combobject *o = p;
  VISIT(pool);
  VISIT(indices);
  VISIT(cycles);
}

static combobject *comb_make(PyTypeObject *type, PyObject *pool, Py_ssize_t nidx, Py_ssize_t ncycles, Py_ssize_t r) {
  WF_GC_ROOT(pool);
  indexbuf *idx = indexbuf_new(nidx);
  WF_GC_ROOT(idx);
  indexbuf *cyc = ncycles >= 0 ? indexbuf_new(ncycles) : NULL;
  WF_GC_ROOT(cyc);
  combobject *o = (combobject *)wf_itertools_alloc(type);
  WF_GC_STORE(&o->pool, pool);
  WF_GC_STORE(&o->indices, idx);
  WF_GC_STORE(&o->cycles, cyc);
  o->r = r;
  return o;
}

/* The r argument: an int >= 0 ("r must be non-negative"). -2 on error. */
static Py_ssize_t r_arg(PyObject *o) {
  if (wf_float_check(o)) {
    wf_err_set_string(&wf_TypeError_type, "'float' object cannot be interpreted as an integer");
    return -2;
  }
  Py_ssize_t r = wf_number_as_ssize_t(o, &wf_OverflowError_type);
  if (r == -1 && wf_err_occurred()) return -2;
  if (r < 0) {
    wf_err_set_string(&wf_ValueError_type, "r must be non-negative");
    return -2;
  }
  return r;
}

static PyObject *pick(PyObject *pool, const Py_ssize_t *idx, Py_ssize_t r) {
  PyObject *res = wf_tuple_new(r);
  for (Py_ssize_t i = 0; i < r; i++) WF_TUPLE_INIT(res, i, WF_TUPLE_GET(pool, idx[i]));
  return res;
}

/* ---- product ---- */

static PyObject *product_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  Py_ssize_t repeat = 1;
  if (kwds && wf_dict_size(kwds) > 0) {
    PyObject *rep = wf_dict_getitem_cstr(kwds, "repeat");
    if (!rep || wf_dict_size(kwds) != 1)
      return wf_err_set_string(&wf_TypeError_type, "product() got an unexpected keyword argument");
    if (wf_float_check(rep))
      return wf_err_set_string(&wf_TypeError_type, "'float' object cannot be interpreted as an integer");
    repeat = wf_number_as_ssize_t(rep, &wf_OverflowError_type);
    if (repeat == -1 && wf_err_occurred()) return NULL;
    if (repeat < 0) return wf_err_set_string(&wf_ValueError_type, "repeat argument cannot be negative");
  }
  WF_GC_ROOT(args);
  Py_ssize_t n = WF_SIZE(args);
  if (n && repeat > PTRDIFF_MAX / 8 / n) return wf_err_set_string(&wf_OverflowError_type, "repeat argument too large");
  Py_ssize_t npools = n * repeat;
  PyObject *pools = wf_tuple_new(npools);
  WF_GC_ROOT(pools);
  for (Py_ssize_t i = 0; i < n; i++) {
    PyObject *p = wf_sequence_tuple(WF_TUPLE_GET(args, i));
    if (!p) return NULL;
    for (Py_ssize_t k = 0; k < repeat; k++) WF_TUPLE_INIT(pools, i + k * n, p);
  }
  return (PyObject *)comb_make(type, pools, npools, -1, npools);
}

static PyObject *product_next(PyObject *self) {
  combobject *o = (combobject *)self;
  wf_lock_acquire(&o->lock);
  PyObject *res = NULL;
  PyObject *pools = o->pool;
  Py_ssize_t n = WF_SIZE(pools), *idx = o->indices->v;
  if (o->stopped) goto out;
  if (!o->started) {
    o->started = true;
    for (Py_ssize_t i = 0; i < n; i++)
      if (WF_SIZE(WF_TUPLE_GET(pools, i)) == 0) {
        o->stopped = true;
        goto out;
      }
  } else {
    Py_ssize_t i = n - 1;
    for (; i >= 0; i--) {
      if (++idx[i] < WF_SIZE(WF_TUPLE_GET(pools, i))) break;
      idx[i] = 0;
    }
    if (i < 0) {
      o->stopped = true;
      goto out;
    }
  }
  res = wf_tuple_new(n);
  for (Py_ssize_t i = 0; i < n; i++) WF_TUPLE_INIT(res, i, WF_TUPLE_GET(WF_TUPLE_GET(pools, i), idx[i]));
out:
  wf_lock_release(&o->lock);
  return res;
}

WF_ITERTOOLS_TYPE(wf_itertools_product_type, "product", combobject, product_next, comb_trace, product_new);

/* ---- permutations ---- */

static PyObject *permutations_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  static const char *const names[] = {"iterable", "r", NULL};
  PyObject *a[2] = {0};
  if (wf_arg_unpack_tuple_dict("permutations", args, kwds, names, 1, a) < 0) return NULL;
  WF_GC_ROOT(a[1]);
  PyObject *pool = wf_sequence_tuple(a[0]);
  if (!pool) return NULL;
  WF_GC_ROOT(pool);
  Py_ssize_t n = WF_SIZE(pool), r = n;
  if (a[1] && a[1] != WF_NONE) {
    if (!wf_int_check(a[1])) return wf_err_set_string(&wf_TypeError_type, "Expected int as r");
    r = r_arg(a[1]);
    if (r == -2) return NULL;
  }
  combobject *o = comb_make(type, pool, n, r, r);
  for (Py_ssize_t i = 0; i < n; i++) o->indices->v[i] = i;
  for (Py_ssize_t i = 0; i < r && i < n; i++) o->cycles->v[i] = n - i;
  if (r > n) o->stopped = true;
  return (PyObject *)o;
}

static PyObject *permutations_next(PyObject *self) {
  combobject *o = (combobject *)self;
  wf_lock_acquire(&o->lock);
  PyObject *res = NULL;
  Py_ssize_t n = WF_SIZE(o->pool), r = o->r, *idx = o->indices->v, *cyc = o->cycles->v;
  if (o->stopped) goto out;
  if (!o->started) {
    o->started = true;
  } else {
    if (n == 0) goto stop;
    Py_ssize_t i = r - 1;
    for (; i >= 0; i--) {
      if (--cyc[i] == 0) {
        /* rotate indices[i:] left by one */
        Py_ssize_t first = idx[i];
        memmove(&idx[i], &idx[i + 1], (size_t)(n - i - 1) * sizeof(Py_ssize_t));
        idx[n - 1] = first;
        cyc[i] = n - i;
      } else {
        Py_ssize_t j = cyc[i], tmp = idx[i];
        idx[i] = idx[n - j];
        idx[n - j] = tmp;
        break;
      }
    }
    if (i < 0) goto stop;
  }
  res = pick(o->pool, idx, r);
  goto out;
stop:
  o->stopped = true;
out:
  wf_lock_release(&o->lock);
  return res;
}

WF_ITERTOOLS_TYPE(wf_itertools_permutations_type, "permutations", combobject, permutations_next, comb_trace,
          permutations_new);

/* ---- combinations and combinations_with_replacement ---- */

static PyObject *comb_common_new(const char *name, bool repl, PyTypeObject *type, PyObject *args, PyObject *kwds) {
  static const char *const names[] = {"iterable", "r", NULL};
  PyObject *a[2] = {0};
  if (wf_arg_unpack_tuple_dict(name, args, kwds, names, 2, a) < 0) return NULL;
  WF_GC_ROOT(a[1]);
  PyObject *pool = wf_sequence_tuple(a[0]);
  if (!pool) return NULL;
  WF_GC_ROOT(pool);
  Py_ssize_t r = r_arg(a[1]);
  if (r == -2) return NULL;
  Py_ssize_t n = WF_SIZE(pool);
  combobject *o = comb_make(type, pool, r, -1, r);
  for (Py_ssize_t i = 0; i < r; i++) o->indices->v[i] = repl ? 0 : i;
  if (repl ? (n == 0 && r > 0) : r > n) o->stopped = true;
  return (PyObject *)o;
}

static PyObject *combinations_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  return comb_common_new("combinations", false, type, args, kwds);
}

static PyObject *cwr_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  return comb_common_new("combinations_with_replacement", true, type, args, kwds);
}

static PyObject *combinations_next(PyObject *self) {
  combobject *o = (combobject *)self;
  wf_lock_acquire(&o->lock);
  PyObject *res = NULL;
  Py_ssize_t n = WF_SIZE(o->pool), r = o->r, *idx = o->indices->v;
  if (o->stopped) goto out;
  if (!o->started) {
    o->started = true;
  } else {
    Py_ssize_t i = r - 1;
    while (i >= 0 && idx[i] == i + n - r) i--;
    if (i < 0) {
      o->stopped = true;
      goto out;
    }
    idx[i]++;
    for (Py_ssize_t j = i + 1; j < r; j++) idx[j] = idx[j - 1] + 1;
  }
  res = pick(o->pool, idx, r);
out:
  wf_lock_release(&o->lock);
  return res;
}

static PyObject *cwr_next(PyObject *self) {
  combobject *o = (combobject *)self;
  wf_lock_acquire(&o->lock);
  PyObject *res = NULL;
  Py_ssize_t n = WF_SIZE(o->pool), r = o->r, *idx = o->indices->v;
  if (o->stopped) goto out;
  if (!o->started) {
    o->started = true;
  } else {
    Py_ssize_t i = r - 1;
    while (i >= 0 && idx[i] == n - 1) i--;
    if (i < 0) {
      o->stopped = true;
      goto out;
    }
    Py_ssize_t v = idx[i] + 1;
    for (Py_ssize_t j = i; j < r; j++) idx[j] = v;
  }
  res = pick(o->pool, idx, r);
out:
  wf_lock_release(&o->lock);
  return res;
}

WF_ITERTOOLS_TYPE(wf_itertools_combinations_type, "combinations", combobject, combinations_next, comb_trace, combinations_new);
WF_ITERTOOLS_TYPE(wf_itertools_cwr_type, "combinations_with_replacement", combobject, cwr_next, comb_trace, cwr_new);
