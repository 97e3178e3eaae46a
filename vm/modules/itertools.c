/* The itertools module and its simple iterators: count, cycle, repeat,
 * accumulate, chain, compress, dropwhile, takewhile, filterfalse, starmap,
 * islice, pairwise, zip_longest. groupby, tee and the combinatoric
 * iterators are in itertools_comb.c. Thread rules: itertools_internal.h. */
#include <string.h>

#include "dict.h"
#include "floatobject.h"
#include "list.h"
#include "module.h"
#include "park_lock.h"
#include "modules.h"
#include "str.h"
#include "thread.h"
#include "itertools_internal.h"


#define VISIT(f) wf_gc_visit(t, __atomic_load_n(&o->f, __ATOMIC_RELAXED))

/* ---- count ---------------------------------------------------------------------------- */

/* Fast mode: `cur` and `step` in int64 while both are exact ints that fit;
 * otherwise objects (`cnt`, `stepobj`). */
typedef struct {
  PyObject ob_base;
  wf_lock lock;
  bool slow;
  int64_t cur, step;
  PyObject *cnt, *stepobj;
} countobject;

static void count_trace(void *p, wf_gc_tracer *t) {
  countobject *o = p;
  VISIT(cnt);
  VISIT(stepobj);
}

static bool is_number(PyObject *o) {
  PyNumberMethods *nb = WF_TYPE(o)->tp_as_number;
  return (nb && (nb->nb_index || nb->nb_int || nb->nb_float)) || wf_complex_check(o);
}

static PyObject *count_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  static const char *const names[] = {"start", "step", NULL};
  PyObject *a[2] = {0};
  if (wf_arg_unpack_tuple_dict("count", args, kwds, names, 0, a) < 0) return NULL;
  PyObject *start = a[0] ? a[0] : WF_INT_SMALL(0), *step = a[1] ? a[1] : WF_INT_SMALL(1);
  if (!is_number(start) || !is_number(step)) return wf_err_set_string(&wf_TypeError_type, "a number is required");
  WF_GC_ROOT(start);
  WF_GC_ROOT(step);
  countobject *o = (countobject *)wf_itertools_alloc(type);
  int64_t s, st;
  if (wf_int_check_exact(start) && wf_int_check_exact(step) && wf_int_small_value(start, &s) &&
      wf_int_small_value(step, &st)) {
    o->cur = s;
    o->step = st;
  } else {
    o->slow = true;
    WF_GC_STORE(&o->cnt, start);
    WF_GC_STORE(&o->stepobj, step);
  }
  return (PyObject *)o;
}

static PyObject *count_next(PyObject *self) {
  countobject *o = (countobject *)self;
  wf_lock_acquire(&o->lock);
  if (!o->slow) {
    int64_t v = o->cur, nv;
    if (!__builtin_add_overflow(v, o->step, &nv)) {
      o->cur = nv;
      wf_lock_release(&o->lock);
      return wf_int_from_int64(v);
    }
    /* switch to objects; allocation is fine under the lock */
    PyObject *c = wf_int_from_int64(v), *st = wf_int_from_int64(o->step);
    WF_GC_STORE(&o->cnt, c);
    WF_GC_STORE(&o->stepobj, st);
    o->slow = true;
  }
  wf_lock_release(&o->lock);
  WF_GC_ROOT(o);
  for (;;) {
    PyObject *cur = WF_GC_LOAD(&o->cnt);
    WF_GC_ROOT(cur);
    PyObject *nv = wf_number_binop(cur, WF_GC_LOAD(&o->stepobj), WF_BINOP_ADD);
    if (!nv) return NULL;
    wf_lock_acquire(&o->lock);
    bool same = o->cnt == cur;
    if (same) WF_GC_STORE(&o->cnt, nv);
    wf_lock_release(&o->lock);
    if (same) return cur;
  }
}

static PyObject *count_repr(PyObject *self) {
  countobject *o = (countobject *)self;
  const char *name = WF_TYPE(self)->tp_name;
  if (strncmp(name, "itertools.", 10) == 0) name += 10;
  wf_lock_acquire(&o->lock);
  bool slow = o->slow;
  int64_t cur = o->cur, step = o->step;
  PyObject *cnt = o->cnt, *st = o->stepobj;
  wf_lock_release(&o->lock);
  if (!slow) {
    if (step == 1) return wf_str_from_format("%s(%lld)", name, (long long)cur);
    return wf_str_from_format("%s(%lld, %lld)", name, (long long)cur, (long long)step);
  }
  WF_GC_ROOT(cnt);
  WF_GC_ROOT(st);
  if (wf_int_check_exact(st)) {
    int64_t v;
    if (wf_int_small_value(st, &v) && v == 1) return wf_str_from_format("%s(%R)", name, cnt);
  }
  return wf_str_from_format("%s(%R, %R)", name, cnt, st);
}

WF_ITERTOOLS_TYPE(wf_itertools_count_type, "count", countobject, count_next, count_trace, count_new,
          .tp_repr = count_repr);

/* ---- cycle ---------------------------------------------------------------------------- */

typedef struct {
  PyObject ob_base;
  wf_lock lock;
  PyObject *it;    /* the source while the first pass runs, then NULL */
  PyObject *saved; /* list of the items seen */
  Py_ssize_t index;
} cycleobject;

static void cycle_trace(void *p, wf_gc_tracer *t) {
  cycleobject *o = p;
  VISIT(it);
  VISIT(saved);
}

static PyObject *cycle_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  if (wf_itertools_no_kw("cycle", kwds) < 0 || wf_arg_check_positional("cycle", WF_SIZE(args), 1, 1) < 0) return NULL;
  PyObject *it = wf_object_getiter(WF_TUPLE_GET(args, 0));
  if (!it) return NULL;
  WF_GC_ROOT(it);
  PyObject *saved = wf_list_new(0);
  WF_GC_ROOT(saved);
  cycleobject *o = (cycleobject *)wf_itertools_alloc(type);
  WF_GC_STORE(&o->it, it);
  WF_GC_STORE(&o->saved, saved);
  return (PyObject *)o;
}

static PyObject *cycle_next(PyObject *self) {
  cycleobject *o = (cycleobject *)self;
  WF_GC_ROOT(o);
  PyObject *it = WF_GC_LOAD(&o->it);
  if (it) {
    PyObject *item = wf_iter_next(it);
    if (item) {
      WF_GC_ROOT(item);
      if (wf_list_append(o->saved, item) < 0) return NULL;
      return item;
    }
    if (wf_err_occurred()) return NULL;
    WF_GC_STORE(&o->it, NULL);
  }
  wf_lock_acquire(&o->lock);
  Py_ssize_t n = wf_list_size(o->saved);
  if (n == 0) {
    wf_lock_release(&o->lock);
    return NULL;
  }
  Py_ssize_t i = o->index < n ? o->index : 0;
  o->index = i + 1 < n ? i + 1 : 0;
  PyObject *r = wf_list_get(o->saved, i);
  wf_lock_release(&o->lock);
  return r;
}

WF_ITERTOOLS_TYPE(wf_itertools_cycle_type, "cycle", cycleobject, cycle_next, cycle_trace, cycle_new);

/* ---- repeat --------------------------------------------------------------------------- */

typedef struct {
  PyObject ob_base;
  wf_lock lock;
  PyObject *element;
  Py_ssize_t cnt; /* -1: forever */
} repeatobject;

static void repeat_trace(void *p, wf_gc_tracer *t) {
  repeatobject *o = p;
  VISIT(element);
}

static PyObject *repeat_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  static const char *const names[] = {"object", "times", NULL};
  PyObject *a[2] = {0};
  if (wf_arg_unpack_tuple_dict("repeat", args, kwds, names, 1, a) < 0) return NULL;
  Py_ssize_t cnt = -1;
  WF_GC_ROOT(a[0]);
  if (a[1]) {
    if (wf_float_check(a[1]))
      return wf_err_set_string(&wf_TypeError_type, "'float' object cannot be interpreted as an integer");
    cnt = wf_number_as_ssize_t(a[1], &wf_OverflowError_type);
    if (cnt == -1 && wf_err_occurred()) return NULL;
    if (cnt < 0) cnt = 0;
  }
  repeatobject *o = (repeatobject *)wf_itertools_alloc(type);
  WF_GC_STORE(&o->element, a[0]);
  o->cnt = cnt;
  return (PyObject *)o;
}

static PyObject *repeat_next(PyObject *self) {
  repeatobject *o = (repeatobject *)self;
  wf_lock_acquire(&o->lock);
  if (o->cnt == 0) {
    wf_lock_release(&o->lock);
    return NULL;
  }
  if (o->cnt > 0) o->cnt--;
  wf_lock_release(&o->lock);
  return o->element;
}

static PyObject *repeat_repr(PyObject *self) {
  repeatobject *o = (repeatobject *)self;
  const char *name = WF_TYPE(self)->tp_name;
  if (strncmp(name, "itertools.", 10) == 0) name += 10;
  Py_ssize_t cnt = __atomic_load_n(&o->cnt, __ATOMIC_RELAXED);
  if (cnt == -1) return wf_str_from_format("%s(%R)", name, o->element);
  return wf_str_from_format("%s(%R, %zd)", name, o->element, cnt);
}

static PyObject *repeat_length_hint(PyObject *self, PyObject *unused) {
  (void)unused;
  Py_ssize_t cnt = __atomic_load_n(&((repeatobject *)self)->cnt, __ATOMIC_RELAXED);
  if (cnt == -1) return wf_err_set_string(&wf_TypeError_type, "len() of unsized object");
  return wf_int_from_ssize(cnt);
}

static PyMethodDef repeat_methods[] = {
    {"__length_hint__", (PyCFunction)repeat_length_hint, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

WF_ITERTOOLS_TYPE(wf_itertools_repeat_type, "repeat", repeatobject, repeat_next, repeat_trace, repeat_new,
          .tp_repr = repeat_repr, .tp_methods = repeat_methods);

/* ---- accumulate ----------------------------------------------------------------------- */

typedef struct {
  PyObject ob_base;
  wf_lock lock;
  PyObject *it, *func, *total, *initial;
} accumulateobject;

static void accumulate_trace(void *p, wf_gc_tracer *t) {
  accumulateobject *o = p;
  VISIT(it);
  VISIT(func);
  VISIT(total);
  VISIT(initial);
}

static PyObject *accumulate_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  static const char *const names[] = {"iterable", "func", "initial", NULL};
  if (WF_SIZE(args) > 2)
    return wf_err_format(&wf_TypeError_type, "accumulate() takes at most 2 positional arguments (%zd given)",
                         WF_SIZE(args));
  PyObject *a[3] = {0};
  if (wf_arg_unpack_tuple_dict("accumulate", args, kwds, names, 1, a) < 0) return NULL;
  WF_GC_ROOT(a[1]);
  WF_GC_ROOT(a[2]);
  PyObject *it = wf_object_getiter(a[0]);
  if (!it) return NULL;
  WF_GC_ROOT(it);
  accumulateobject *o = (accumulateobject *)wf_itertools_alloc(type);
  WF_GC_STORE(&o->it, it);
  if (a[1] && a[1] != WF_NONE) WF_GC_STORE(&o->func, a[1]);
  if (a[2] && a[2] != WF_NONE) WF_GC_STORE(&o->initial, a[2]);
  return (PyObject *)o;
}

static PyObject *accumulate_next(PyObject *self) {
  accumulateobject *o = (accumulateobject *)self;
  WF_GC_ROOT(o);
  wf_lock_acquire(&o->lock);
  PyObject *init = o->initial;
  if (init) {
    WF_GC_STORE(&o->initial, NULL);
    WF_GC_STORE(&o->total, init);
    wf_lock_release(&o->lock);
    return init;
  }
  wf_lock_release(&o->lock);
  PyObject *item = wf_iter_next(o->it);
  if (!item) return NULL;
  WF_GC_ROOT(item);
  PyObject *total = WF_GC_LOAD(&o->total);
  WF_GC_ROOT(total);
  PyObject *nt = item;
  if (total) {
    PyObject *f = o->func;
    if (f) {
      PyObject *argv[2] = {total, item};
      nt = wf_call(f, argv, 2, NULL);
    } else {
      nt = wf_number_binop(total, item, WF_BINOP_ADD);
    }
    if (!nt) return NULL;
  }
  WF_GC_STORE(&o->total, nt);
  return nt;
}

WF_ITERTOOLS_TYPE(wf_itertools_accumulate_type, "accumulate", accumulateobject, accumulate_next,
          accumulate_trace, accumulate_new);

/* ---- chain ---------------------------------------------------------------------------- */

/* Moving on to the next iterable must be one step for every thread sharing
 * the chain, or an iterable one thread pulled from the source would be lost
 * when another installs its own first. `advance` serialises that step; it is
 * held across the source's __next__ (Python code), so it is a park lock.
 * A thread re-entering its own chain from the source skips it. */
typedef struct {
  PyObject ob_base;
  wf_lock lock;
  wf_park_lock advance;
  _Atomic(wf_thread_t *) advancer; /* the thread holding `advance` */
  PyObject *source; /* iterator over the iterables, NULL when done */
  PyObject *active; /* iterator of the current iterable, or NULL */
} chainobject;

static void chain_trace(void *p, wf_gc_tracer *t) {
  chainobject *o = p;
  VISIT(source);
  VISIT(active);
}

PyTypeObject wf_itertools_chain_type;

static PyObject *chain_from_source(PyTypeObject *type, PyObject *source) {
  WF_GC_ROOT(source);
  chainobject *o = (chainobject *)wf_itertools_alloc(type);
  WF_GC_STORE(&o->source, source);
  return (PyObject *)o;
}

static PyObject *chain_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  if (wf_itertools_no_kw("chain", kwds) < 0) return NULL;
  PyObject *src = wf_object_getiter(args);
  if (!src) return NULL;
  return chain_from_source(type, src);
}

static PyObject *chain_from_iterable(PyObject *cls, PyObject *arg) {
  PyObject *src = wf_object_getiter(arg);
  if (!src) return NULL;
  return chain_from_source((PyTypeObject *)cls, src);
}

/* With `advance` held (or re-entered): unless another thread already did,
 * install the next iterable's iterator. 0 installed or there was one, 1 the
 * source is exhausted, -1 error. */
static int chain_advance_locked(chainobject *o) {
  if (WF_GC_LOAD(&o->active)) return 0;
  PyObject *src = WF_GC_LOAD(&o->source);
  if (!src) return 1;
  WF_GC_ROOT(src);
  PyObject *iterable = wf_iter_next(src);
  if (!iterable) {
    if (wf_err_occurred()) return -1;
    WF_GC_STORE(&o->source, NULL);
    return 1;
  }
  PyObject *active = wf_object_getiter(iterable);
  if (!active) return -1;
  wf_lock_acquire(&o->lock);
  WF_GC_STORE(&o->active, active);
  wf_lock_release(&o->lock);
  return 0;
}

static int chain_advance(chainobject *o) {
  wf_thread_t *self = wf_thread_self();
  if (atomic_load_explicit(&o->advancer, memory_order_relaxed) == self) return chain_advance_locked(o);
  wf_park_lock_acquire(&o->advance, true, -1);
  atomic_store_explicit(&o->advancer, self, memory_order_relaxed);
  int r = chain_advance_locked(o);
  atomic_store_explicit(&o->advancer, NULL, memory_order_relaxed);
  wf_park_lock_release(&o->advance);
  return r;
}

static PyObject *chain_next(PyObject *self) {
  chainobject *o = (chainobject *)self;
  WF_GC_ROOT(o);
  for (;;) {
    PyObject *active = WF_GC_LOAD(&o->active);
    WF_GC_ROOT(active);
    if (!active) {
      if (chain_advance(o) != 0) return NULL;
      continue;
    }
    PyObject *item = wf_iter_next(active);
    if (item || wf_err_occurred()) return item;
    wf_lock_acquire(&o->lock);
    if (o->active == active) WF_GC_STORE(&o->active, NULL);
    wf_lock_release(&o->lock);
  }
}

static PyMethodDef chain_methods[] = {
    {"from_iterable", (PyCFunction)chain_from_iterable, METH_O | METH_CLASS, NULL},
    {"__class_getitem__", (PyCFunction)wf_class_getitem_generic, METH_O | METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

WF_ITERTOOLS_TYPE(wf_itertools_chain_type, "chain", chainobject, chain_next, chain_trace, chain_new,
          .tp_methods = chain_methods);

/* ---- compress, dropwhile, takewhile, filterfalse, starmap ----------------------------- */

/* Two objects and a flag: the layout of all five. */
typedef struct {
  PyObject ob_base;
  wf_lock lock;
  PyObject *a, *b; /* compress: data, selectors; others: func, it */
  bool flag;       /* dropwhile: done dropping; takewhile: stopped */
} pairobject;

static void pair_trace(void *p, wf_gc_tracer *t) {
  pairobject *o = p;
  VISIT(a);
  VISIT(b);
}

static PyObject *pair_make(PyTypeObject *type, PyObject *a, PyObject *b) {
  WF_GC_ROOT(a);
  WF_GC_ROOT(b);
  pairobject *o = (pairobject *)wf_itertools_alloc(type);
  WF_GC_STORE(&o->a, a);
  WF_GC_STORE(&o->b, b);
  return (PyObject *)o;
}

static PyObject *compress_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  static const char *const names[] = {"data", "selectors", NULL};
  PyObject *a[2] = {0};
  if (wf_arg_unpack_tuple_dict("compress", args, kwds, names, 2, a) < 0) return NULL;
  WF_GC_ROOT(a[1]);
  PyObject *d = wf_object_getiter(a[0]);
  if (!d) return NULL;
  WF_GC_ROOT(d);
  PyObject *s = wf_object_getiter(a[1]);
  if (!s) return NULL;
  return pair_make(type, d, s);
}

static PyObject *compress_next(PyObject *self) {
  pairobject *o = (pairobject *)self;
  WF_GC_ROOT(o);
  for (;;) {
    PyObject *d = wf_iter_next(o->a);
    if (!d) return NULL;
    WF_GC_ROOT(d);
    PyObject *s = wf_iter_next(o->b);
    if (!s) return NULL;
    int ok = wf_object_is_true(s);
    if (ok < 0) return NULL;
    if (ok) return d;
  }
}

WF_ITERTOOLS_TYPE(wf_itertools_compress_type, "compress", pairobject, compress_next, pair_trace, compress_new);

/* func(item) as a truth value (func None: the item itself, for filterfalse). */
static int pred_true(PyObject *func, PyObject *item, bool none_is_bool) {
  if (func == WF_NONE && none_is_bool) return wf_object_is_true(item);
  PyObject *r = wf_call_one(func, item);
  if (!r) return -1;
  return wf_object_is_true(r);
}

static PyObject *func_it_new(const char *name, PyTypeObject *type, PyObject *args, PyObject *kwds) {
  if (wf_itertools_no_kw(name, kwds) < 0 || wf_arg_check_positional(name, WF_SIZE(args), 2, 2) < 0) return NULL;
  PyObject *it = wf_object_getiter(WF_TUPLE_GET(args, 1));
  if (!it) return NULL;
  return pair_make(type, WF_TUPLE_GET(args, 0), it);
}

static PyObject *dropwhile_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  return func_it_new("dropwhile", type, args, kwds);
}

static PyObject *dropwhile_next(PyObject *self) {
  pairobject *o = (pairobject *)self;
  WF_GC_ROOT(o);
  for (;;) {
    PyObject *item = wf_iter_next(o->b);
    if (!item) return NULL;
    if (__atomic_load_n(&o->flag, __ATOMIC_ACQUIRE)) return item;
    WF_GC_ROOT(item);
    int ok = pred_true(o->a, item, false);
    if (ok < 0) return NULL;
    if (!ok) {
      __atomic_store_n(&o->flag, true, __ATOMIC_RELEASE);
      return item;
    }
  }
}

WF_ITERTOOLS_TYPE(wf_itertools_dropwhile_type, "dropwhile", pairobject, dropwhile_next, pair_trace, dropwhile_new);

static PyObject *takewhile_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  return func_it_new("takewhile", type, args, kwds);
}

static PyObject *takewhile_next(PyObject *self) {
  pairobject *o = (pairobject *)self;
  WF_GC_ROOT(o);
  if (__atomic_load_n(&o->flag, __ATOMIC_ACQUIRE)) return NULL;
  PyObject *item = wf_iter_next(o->b);
  if (!item) return NULL;
  WF_GC_ROOT(item);
  int ok = pred_true(o->a, item, false);
  if (ok < 0) return NULL;
  if (ok) return item;
  __atomic_store_n(&o->flag, true, __ATOMIC_RELEASE);
  return NULL;
}

WF_ITERTOOLS_TYPE(wf_itertools_takewhile_type, "takewhile", pairobject, takewhile_next, pair_trace, takewhile_new);

static PyObject *filterfalse_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  return func_it_new("filterfalse", type, args, kwds);
}

static PyObject *filterfalse_next(PyObject *self) {
  pairobject *o = (pairobject *)self;
  WF_GC_ROOT(o);
  for (;;) {
    PyObject *item = wf_iter_next(o->b);
    if (!item) return NULL;
    WF_GC_ROOT(item);
    int ok = pred_true(o->a, item, true);
    if (ok < 0) return NULL;
    if (!ok) return item;
  }
}

WF_ITERTOOLS_TYPE(wf_itertools_filterfalse_type, "filterfalse", pairobject, filterfalse_next, pair_trace,
          filterfalse_new);

static PyObject *starmap_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  return func_it_new("starmap", type, args, kwds);
}

static PyObject *starmap_next(PyObject *self) {
  pairobject *o = (pairobject *)self;
  WF_GC_ROOT(o);
  PyObject *args = wf_iter_next(o->b);
  if (!args) return NULL;
  if (WF_TYPE(args) != &wf_tuple_type) {
    args = wf_sequence_tuple(args);
    if (!args) return NULL;
  }
  return wf_call_tuple_dict(o->a, args, NULL);
}

WF_ITERTOOLS_TYPE(wf_itertools_starmap_type, "starmap", pairobject, starmap_next, pair_trace, starmap_new);

/* ---- islice --------------------------------------------------------------------------- */

typedef struct {
  PyObject ob_base;
  wf_lock lock;
  PyObject *it; /* NULL once exhausted */
  Py_ssize_t next, stop, step, cnt; /* stop -1: none */
} isliceobject;

static void islice_trace(void *p, wf_gc_tracer *t) {
  isliceobject *o = p;
  VISIT(it);
}

/* None or an int in [0, sys.maxsize]; -2 on error (message set). */
static Py_ssize_t islice_index(PyObject *o, Py_ssize_t dflt, const char *msg) {
  if (o == WF_NONE) return dflt;
  if (wf_index_check(o)) {
    Py_ssize_t v = wf_number_as_ssize_t(o, &wf_OverflowError_type);
    if (v == -1 && wf_err_occurred()) {
      if (!wf_err_matches(&wf_OverflowError_type)) return -2;
      wf_err_clear();
    } else if (v >= 0) {
      return v;
    }
  }
  wf_err_set_string(&wf_ValueError_type, msg);
  return -2;
}

static PyObject *islice_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  if (wf_itertools_no_kw("islice", kwds) < 0) return NULL;
  Py_ssize_t n = WF_SIZE(args);
  if (wf_arg_check_positional("islice", n, 2, 4) < 0) return NULL;
  Py_ssize_t start = 0, stop = -1, step = 1;
  static const char stop_msg[] = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
  static const char ss_msg[] = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
  if (n == 2) {
    stop = islice_index(WF_TUPLE_GET(args, 1), -1, stop_msg);
    if (stop == -2) return NULL;
  } else {
    start = islice_index(WF_TUPLE_GET(args, 1), 0, ss_msg);
    if (start == -2) return NULL;
    stop = islice_index(WF_TUPLE_GET(args, 2), -1, stop_msg);
    if (stop == -2) return NULL;
    if (n == 4) {
      PyObject *s = WF_TUPLE_GET(args, 3);
      if (s != WF_NONE) {
        step = -1;
        if (wf_index_check(s)) {
          step = wf_number_as_ssize_t(s, NULL);
          if (step == -1 && wf_err_occurred()) wf_err_clear();
        }
        if (step < 1)
          return wf_err_set_string(&wf_ValueError_type, "Step for islice() must be a positive integer or None.");
      }
    }
  }
  PyObject *it = wf_object_getiter(WF_TUPLE_GET(args, 0));
  if (!it) return NULL;
  WF_GC_ROOT(it);
  isliceobject *o = (isliceobject *)wf_itertools_alloc(type);
  WF_GC_STORE(&o->it, it);
  o->next = start;
  o->stop = stop;
  o->step = step;
  return (PyObject *)o;
}

/* Each call claims the next source position under the lock, then fetches
 * one item for it outside the lock: positions before `next` are skipped. */
static PyObject *islice_next(PyObject *self) {
  isliceobject *o = (isliceobject *)self;
  WF_GC_ROOT(o);
  for (;;) {
    wf_lock_acquire(&o->lock);
    PyObject *it = o->it;
    if (!it) {
      wf_lock_release(&o->lock);
      return NULL;
    }
    bool skip = o->cnt < o->next;
    if (!skip && o->stop != -1 && o->cnt >= o->stop) {
      WF_GC_STORE(&o->it, NULL);
      wf_lock_release(&o->lock);
      return NULL;
    }
    o->cnt++;
    if (!skip) {
      Py_ssize_t old = o->next;
      o->next += o->step;
      if (o->next < old || (o->stop != -1 && o->next > o->stop)) o->next = o->stop;
    }
    wf_lock_release(&o->lock);
    WF_GC_ROOT(it);
    PyObject *item = wf_iter_next(it);
    if (!item) {
      if (!wf_err_occurred()) WF_GC_STORE(&o->it, NULL);
      return NULL;
    }
    if (!skip) return item;
  }
}

WF_ITERTOOLS_TYPE(wf_itertools_islice_type, "islice", isliceobject, islice_next, islice_trace, islice_new);

/* ---- pairwise ------------------------------------------------------------------------- */

typedef struct {
  PyObject ob_base;
  wf_lock lock;
  PyObject *it, *old;
} pairwiseobject;

static void pairwise_trace(void *p, wf_gc_tracer *t) {
  pairwiseobject *o = p;
  VISIT(it);
  VISIT(old);
}

static PyObject *pairwise_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  if (wf_itertools_no_kw("pairwise", kwds) < 0 || wf_arg_check_positional("pairwise", WF_SIZE(args), 1, 1) < 0)
    return NULL;
  PyObject *it = wf_object_getiter(WF_TUPLE_GET(args, 0));
  if (!it) return NULL;
  WF_GC_ROOT(it);
  pairwiseobject *o = (pairwiseobject *)wf_itertools_alloc(type);
  WF_GC_STORE(&o->it, it);
  return (PyObject *)o;
}

static PyObject *pairwise_next(PyObject *self) {
  pairwiseobject *o = (pairwiseobject *)self;
  WF_GC_ROOT(o);
  PyObject *it = WF_GC_LOAD(&o->it);
  if (!it) return NULL;
  WF_GC_ROOT(it);
  if (!WF_GC_LOAD(&o->old)) {
    PyObject *first = wf_iter_next(it);
    if (!first) {
      if (!wf_err_occurred()) WF_GC_STORE(&o->it, NULL);
      return NULL;
    }
    wf_lock_acquire(&o->lock);
    if (!o->old) WF_GC_STORE(&o->old, first);
    wf_lock_release(&o->lock);
  }
  PyObject *nw = wf_iter_next(it);
  if (!nw) {
    if (!wf_err_occurred()) {
      WF_GC_STORE(&o->it, NULL);
      WF_GC_STORE(&o->old, NULL);
    }
    return NULL;
  }
  WF_GC_ROOT(nw);
  wf_lock_acquire(&o->lock);
  PyObject *old = o->old;
  WF_GC_STORE(&o->old, nw);
  PyObject *r = old ? wf_tuple_pack(2, old, nw) : NULL;
  wf_lock_release(&o->lock);
  return r;
}

WF_ITERTOOLS_TYPE(wf_itertools_pairwise_type, "pairwise", pairwiseobject, pairwise_next, pairwise_trace,
          pairwise_new);

/* ---- zip_longest ---------------------------------------------------------------------- */

typedef struct {
  PyObject ob_base;
  wf_lock lock;
  PyObject *its; /* list of iterators; None for an exhausted one */
  PyObject *fill;
  Py_ssize_t numactive;
} ziplongestobject;

static void ziplongest_trace(void *p, wf_gc_tracer *t) {
  ziplongestobject *o = p;
  VISIT(its);
  VISIT(fill);
}

static PyObject *ziplongest_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  PyObject *fill = WF_NONE;
  if (kwds && wf_dict_size(kwds) > 0) {
    fill = wf_dict_getitem_cstr(kwds, "fillvalue");
    if (!fill || wf_dict_size(kwds) > 1)
      return wf_err_set_string(&wf_TypeError_type, "zip_longest() got an unexpected keyword argument");
  }
  WF_GC_ROOT(args);
  WF_GC_ROOT(fill);
  Py_ssize_t n = WF_SIZE(args);
  PyObject *its = wf_list_new(n);
  WF_GC_ROOT(its);
  for (Py_ssize_t i = 0; i < n; i++) {
    PyObject *it = wf_object_getiter(WF_TUPLE_GET(args, i));
    if (!it) return NULL;
    if (wf_list_set(its, i, it) < 0) return NULL;
  }
  ziplongestobject *o = (ziplongestobject *)wf_itertools_alloc(type);
  WF_GC_STORE(&o->its, its);
  WF_GC_STORE(&o->fill, fill);
  o->numactive = n;
  return (PyObject *)o;
}

static PyObject *ziplongest_next(PyObject *self) {
  ziplongestobject *o = (ziplongestobject *)self;
  WF_GC_ROOT(o);
  Py_ssize_t n = wf_list_size(o->its);
  if (n == 0 || __atomic_load_n(&o->numactive, __ATOMIC_ACQUIRE) == 0) return NULL;
  PyObject *res = wf_tuple_new(n);
  WF_GC_ROOT(res);
  for (Py_ssize_t i = 0; i < n; i++) {
    PyObject *it = wf_list_get(o->its, i);
    PyObject *item = o->fill;
    if (it && it != WF_NONE) {
      item = wf_iter_next(it);
      if (!item) {
        if (wf_err_occurred()) return NULL;
        wf_lock_acquire(&o->lock);
        bool last = false;
        if (wf_list_get(o->its, i) == it) {
          wf_list_set(o->its, i, WF_NONE);
          last = --o->numactive == 0;
        } else {
          last = o->numactive == 0;
        }
        wf_lock_release(&o->lock);
        if (last) return NULL;
        item = o->fill;
      }
    }
    WF_TUPLE_INIT(res, i, item);
  }
  return res;
}

WF_ITERTOOLS_TYPE(wf_itertools_ziplongest_type, "zip_longest", ziplongestobject, ziplongest_next,
          ziplongest_trace, ziplongest_new);

/* ---- The module ----------------------------------------------------------------------- */

static PyMethodDef itertools_functions[] = {
    {"tee", (PyCFunction)(void (*)(void))wf_itertools_tee, METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

PyObject *wf_itertools_init(void) {
  PyObject *m = wf_module_new_cstr("itertools");
  if (!m) return NULL;
  WF_GC_ROOT(m);
  if (wf_module_add_functions(m, itertools_functions) < 0) return NULL;
  struct {
    const char *name;
    PyTypeObject *type;
  } types[] = {
      {"count", &wf_itertools_count_type},
      {"cycle", &wf_itertools_cycle_type},
      {"repeat", &wf_itertools_repeat_type},
      {"accumulate", &wf_itertools_accumulate_type},
      {"chain", &wf_itertools_chain_type},
      {"compress", &wf_itertools_compress_type},
      {"dropwhile", &wf_itertools_dropwhile_type},
      {"takewhile", &wf_itertools_takewhile_type},
      {"filterfalse", &wf_itertools_filterfalse_type},
      {"starmap", &wf_itertools_starmap_type},
      {"islice", &wf_itertools_islice_type},
      {"pairwise", &wf_itertools_pairwise_type},
      {"zip_longest", &wf_itertools_ziplongest_type},
      {"groupby", &wf_itertools_groupby_type},
      {"_grouper", &wf_itertools_grouper_type},
      {"_tee", &wf_itertools_tee_type},
      {"_tee_dataobject", &wf_itertools_teedata_type},
      {"product", &wf_itertools_product_type},
      {"permutations", &wf_itertools_permutations_type},
      {"combinations", &wf_itertools_combinations_type},
      {"combinations_with_replacement", &wf_itertools_cwr_type},
  };
  for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
    if (wf_module_add(m, types[i].name, (PyObject *)types[i].type) < 0) return NULL;
  return m;
}
