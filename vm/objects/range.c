/* range: see range.h. Semantics and messages of python3.11. */
#include "range.h"

#include "dict.h"
#include "errors.h"
#include "lock.h"
#include "int.h"
#include "protocol.h"
#include "slice.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"
#include "wf_hash.h"

#define R(o) ((wf_rangeobject *)(o))
#define SMALL_LIMIT ((int64_t)1 << 61)

static PyObject *add(PyObject *a, PyObject *b) { return wf_number_binop(a, b, WF_BINOP_ADD); }
static PyObject *sub(PyObject *a, PyObject *b) { return wf_number_binop(a, b, WF_BINOP_SUB); }
static PyObject *mul(PyObject *a, PyObject *b) { return wf_number_binop(a, b, WF_BINOP_MUL); }
static PyObject *floordiv(PyObject *a, PyObject *b) { return wf_number_binop(a, b, WF_BINOP_FLOORDIV); }
static PyObject *I(int64_t v) { return wf_int_from_int64(v); }

/* |o| < 2**60, without raising (and so without reaching a safepoint). */
static bool fits(PyObject *o, int64_t *v) { return wf_int_small_value(o, v); }

/* len(range(lo, hi, step)) as an int object. */
static PyObject *compute_length(PyObject *lo, PyObject *hi, PyObject *step) {
  int64_t a, b, s;
  if (fits(lo, &a) && fits(hi, &b) && fits(step, &s)) {
    int64_t n = 0;
    if (s > 0 && a < b)
      n = (b - a - 1) / s + 1;
    else if (s < 0 && a > b)
      n = (a - b - 1) / (-s) + 1;
    return I(n);
  }
  WF_GC_ROOT(lo);
  WF_GC_ROOT(hi);
  WF_GC_ROOT(step);
  int neg = wf_int_sign(step) < 0;
  if (neg) {
    PyObject *t = lo;
    lo = hi;
    hi = t;
    step = wf_number_negative(step);
    if (!step) return NULL;
  }
  int c = wf_object_richcompare_bool(lo, hi, Py_GE);
  if (c < 0) return NULL;
  if (c) return I(0);
  PyObject *d = sub(hi, lo);
  if (!d) return NULL;
  WF_GC_ROOT(d);
  PyObject *one = I(1);
  d = sub(d, one);
  if (!d) return NULL;
  d = floordiv(d, step);
  if (!d) return NULL;
  return add(d, one);
}

static void set_small(wf_rangeobject *r) {
  int64_t a, b, s, n;
  r->small = fits(r->start, &a) && fits(r->stop, &b) && fits(r->step, &s) && fits(r->length, &n);
  if (r->small) {
    r->s_start = a;
    r->s_step = s;
    r->s_len = n;
  }
}

static PyObject *make_range(PyObject *start, PyObject *stop, PyObject *step) {
  WF_GC_ROOT(start);
  WF_GC_ROOT(stop);
  WF_GC_ROOT(step);
  PyObject *len = compute_length(start, stop, step);
  if (!len) return NULL;
  WF_GC_ROOT(len);
  wf_rangeobject *r = (wf_rangeobject *)wf_object_alloc(&wf_range_type, sizeof(wf_rangeobject));
  WF_GC_ROOT(r);
  WF_GC_STORE(&r->start, start);
  WF_GC_STORE(&r->stop, stop);
  WF_GC_STORE(&r->step, step);
  WF_GC_STORE(&r->length, len);
  set_small(r);
  return (PyObject *)r;
}

PyObject *wf_range_new(PyObject *start, PyObject *stop, PyObject *step) {
  if (wf_int_sign(step) == 0) return wf_err_set_string(&wf_ValueError_type, "range() arg 3 must not be zero");
  return make_range(start, stop, step);
}

static PyObject *range_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  if (kwds && wf_dict_check(kwds) && wf_dict_size(kwds) > 0)
    return wf_err_set_string(&wf_TypeError_type, "range() takes no keyword arguments");
  Py_ssize_t n = WF_SIZE(args);
  if (n == 0) return wf_err_set_string(&wf_TypeError_type, "range expected at least 1 argument, got 0");
  if (n > 3) return wf_err_format(&wf_TypeError_type, "range expected at most 3 arguments, got %zd", n);
  WF_GC_ROOT(args);
  PyObject *v[3] = {NULL, NULL, NULL};
  WF_GC_ROOT(v[0]);
  WF_GC_ROOT(v[1]);
  WF_GC_ROOT(v[2]);
  for (Py_ssize_t i = 0; i < n; i++) {
    v[i] = wf_number_index(WF_TUPLE_GET(args, i));
    if (!v[i]) return NULL;
  }
  if (n == 1) return make_range(I(0), v[0], I(1));
  if (n == 2) return make_range(v[0], v[1], I(1));
  return wf_range_new(v[0], v[1], v[2]);
}

static void range_trace(void *obj, wf_gc_tracer *t) {
  wf_rangeobject *r = obj;
  wf_gc_visit(t, r->start);
  wf_gc_visit(t, r->stop);
  wf_gc_visit(t, r->step);
  wf_gc_visit(t, r->length);
}

static PyObject *range_repr(PyObject *self) {
  wf_rangeobject *r = R(self);
  int64_t s;
  if (wf_int_small_value(r->step, &s) && s == 1) return wf_str_from_format("range(%R, %R)", r->start, r->stop);
  return wf_str_from_format("range(%R, %R, %R)", r->start, r->stop, r->step);
}

static Py_ssize_t range_len(PyObject *self) { return wf_int_as_ssize(R(self)->length); }

static int range_bool(PyObject *self) { return wf_int_sign(R(self)->length) != 0; }

/* r[i] for an int object i already made non-negative and in range. */
static PyObject *item_obj(wf_rangeobject *r, PyObject *i) {
  WF_GC_ROOT(r);
  PyObject *p = mul(i, r->step);
  if (!p) return NULL;
  return add(r->start, p);
}

static PyObject *range_item(PyObject *self, Py_ssize_t i) {
  wf_rangeobject *r = R(self);
  if (r->small) {
    if (i < 0 || i >= r->s_len) return wf_err_set_string(&wf_IndexError_type, "range object index out of range");
    return I(r->s_start + i * r->s_step);
  }
  WF_GC_ROOT(r);
  PyObject *io = wf_int_from_ssize(i);
  WF_GC_ROOT(io);
  int ok = i >= 0 ? wf_object_richcompare_bool(io, r->length, Py_LT) : 0;
  if (ok < 0) return NULL;
  if (!ok) return wf_err_set_string(&wf_IndexError_type, "range object index out of range");
  return item_obj(r, io);
}

/* Clamp an index object into [lower, upper] after adding length to
 * negatives (the arithmetic of slice.indices over int objects). */
static PyObject *clamp_index(PyObject *v, PyObject *length, PyObject *lower, PyObject *upper) {
  WF_GC_ROOT(length);
  WF_GC_ROOT(lower);
  WF_GC_ROOT(upper);
  PyObject *x = wf_number_index(v);
  if (!x) return NULL;
  WF_GC_ROOT(x);
  if (wf_int_sign(x) < 0) {
    x = add(x, length);
    if (!x) return NULL;
    int c = wf_object_richcompare_bool(x, lower, Py_LT);
    if (c < 0) return NULL;
    if (c) return lower;
    return x;
  }
  int c = wf_object_richcompare_bool(x, upper, Py_GT);
  if (c < 0) return NULL;
  return c ? upper : x;
}

static PyObject *range_slice(wf_rangeobject *r, PySliceObject *sl) {
  WF_GC_ROOT(r);
  WF_GC_ROOT(sl);
  PyObject *step = NULL, *lower = NULL, *upper = NULL, *start = NULL, *stop = NULL;
  WF_GC_ROOT(step);
  WF_GC_ROOT(lower);
  WF_GC_ROOT(upper);
  WF_GC_ROOT(start);
  WF_GC_ROOT(stop);
  if (sl->step == WF_NONE) {
    step = I(1);
  } else {
    if (!wf_index_check(sl->step))
      return wf_err_set_string(&wf_TypeError_type, "slice indices must be integers or None or have an __index__ method");
    step = wf_number_index(sl->step);
    if (!step) return NULL;
    if (wf_int_sign(step) == 0) return wf_err_set_string(&wf_ValueError_type, "slice step cannot be zero");
  }
  bool neg = wf_int_sign(step) < 0;
  if (neg) {
    lower = I(-1);
    upper = add(lower, r->length);
    if (!upper) return NULL;
  } else {
    lower = I(0);
    upper = r->length;
  }
  for (int k = 0; k < 2; k++) {
    PyObject *v = k == 0 ? sl->start : sl->stop;
    PyObject *res;
    if (v == WF_NONE) {
      res = (k == 0) == neg ? upper : lower;
    } else {
      if (!wf_index_check(v))
        return wf_err_set_string(&wf_TypeError_type, "slice indices must be integers or None or have an __index__ method");
      res = clamp_index(v, r->length, lower, upper);
      if (!res) return NULL;
    }
    if (k == 0)
      start = res;
    else
      stop = res;
  }
  PyObject *a = mul(start, r->step);
  if (!a) return NULL;
  start = add(r->start, a);
  if (!start) return NULL;
  a = mul(stop, r->step);
  if (!a) return NULL;
  stop = add(r->start, a);
  if (!stop) return NULL;
  step = mul(step, r->step);
  if (!step) return NULL;
  return make_range(start, stop, step);
}

static PyObject *range_subscript(PyObject *self, PyObject *key) {
  wf_rangeobject *r = R(self);
  if (wf_index_check(key)) {
    WF_GC_ROOT(r);
    PyObject *i = wf_number_index(key);
    if (!i) return NULL;
    WF_GC_ROOT(i);
    int64_t v;
    if (r->small && wf_int_small_value(i, &v)) {
      if (v < 0) v += r->s_len;
      if (v < 0 || v >= r->s_len) return wf_err_set_string(&wf_IndexError_type, "range object index out of range");
      return I(r->s_start + v * r->s_step);
    }
    if (wf_int_sign(i) < 0) {
      i = add(i, r->length);
      if (!i) return NULL;
    }
    int ok = wf_int_sign(i) >= 0 ? wf_object_richcompare_bool(i, r->length, Py_LT) : 0;
    if (ok < 0) return NULL;
    if (!ok) return wf_err_set_string(&wf_IndexError_type, "range object index out of range");
    return item_obj(r, i);
  }
  if (WF_TYPE(key) == &wf_slice_type) return range_slice(r, (PySliceObject *)key);
  return wf_err_format(&wf_TypeError_type, "range indices must be integers or slices, not %.200s", WF_TYPE(key)->tp_name);
}

/* For int (and bool) x: 1 if x is in r, 0 if not. */
static int contains_int(wf_rangeobject *r, PyObject *x) {
  int64_t v;
  if (r->small && wf_int_small_value(x, &v)) {
    if (r->s_len == 0) return 0;
    int64_t last = r->s_start + (r->s_len - 1) * r->s_step;
    int64_t lo = r->s_step > 0 ? r->s_start : last, hi = r->s_step > 0 ? last : r->s_start;
    if (v < lo || v > hi) return 0;
    int64_t st = r->s_step < 0 ? -r->s_step : r->s_step;
    return ((v - r->s_start) % st) == 0;
  }
  WF_GC_ROOT(r);
  WF_GC_ROOT(x);
  int c1, c2;
  if (wf_int_sign(r->step) > 0) {
    c1 = wf_object_richcompare_bool(r->start, x, Py_LE);
    if (c1 <= 0) return c1;
    c2 = wf_object_richcompare_bool(x, r->stop, Py_LT);
  } else {
    c1 = wf_object_richcompare_bool(r->stop, x, Py_LT);
    if (c1 <= 0) return c1;
    c2 = wf_object_richcompare_bool(x, r->start, Py_LE);
  }
  if (c2 <= 0) return c2;
  PyObject *d = sub(x, r->start);
  if (!d) return -1;
  PyObject *m = wf_number_binop(d, r->step, WF_BINOP_MOD);
  if (!m) return -1;
  return wf_int_sign(m) == 0;
}

static PyObject *range_iter(PyObject *self);

/* Generic search by iteration (non-int values): count of equal items, or the
 * first index when find_first. */
static Py_ssize_t iter_search(PyObject *self, PyObject *x, bool find_first) {
  WF_GC_ROOT(self);
  WF_GC_ROOT(x);
  PyObject *it = range_iter(self);
  WF_GC_ROOT(it);
  Py_ssize_t n = 0, i = 0;
  for (;; i++) {
    PyObject *v = wf_iter_next(it);
    if (!v) break;
    int c = wf_object_richcompare_bool(v, x, Py_EQ);
    if (c < 0) return -2;
    if (c) {
      if (find_first) return i;
      n++;
    }
  }
  if (wf_err_occurred()) return -2;
  return find_first ? -1 : n;
}

static int range_contains(PyObject *self, PyObject *x) {
  if (WF_TYPE(x) == &wf_int_type || WF_TYPE(x) == &wf_bool_type) return contains_int(R(self), x);
  Py_ssize_t r = iter_search(self, x, true);
  return r == -2 ? -1 : r >= 0;
}

static PyObject *m_count(PyObject *self, PyObject *x) {
  if (WF_TYPE(x) == &wf_int_type || WF_TYPE(x) == &wf_bool_type) {
    int c = contains_int(R(self), x);
    return c < 0 ? NULL : I(c);
  }
  Py_ssize_t n = iter_search(self, x, false);
  return n < 0 ? NULL : wf_int_from_ssize(n);
}

static PyObject *m_index(PyObject *self, PyObject *x) {
  wf_rangeobject *r = R(self);
  if (WF_TYPE(x) == &wf_int_type || WF_TYPE(x) == &wf_bool_type) {
    WF_GC_ROOT(r);
    WF_GC_ROOT(x);
    int c = contains_int(r, x);
    if (c < 0) return NULL;
    if (!c) return wf_err_format(&wf_ValueError_type, "%R is not in range", x);
    PyObject *d = sub(x, r->start);
    if (!d) return NULL;
    return floordiv(d, r->step);
  }
  Py_ssize_t i = iter_search(self, x, true);
  if (i == -2) return NULL;
  if (i < 0) return wf_err_set_string(&wf_ValueError_type, "sequence.index(x): x not in sequence");
  return wf_int_from_ssize(i);
}

static Py_hash_t range_hash(PyObject *self) {
  wf_rangeobject *r = R(self);
  WF_GC_ROOT(r);
  PyObject *t;
  int s = wf_int_sign(r->length);
  int one = wf_object_richcompare_bool(r->length, I(1), Py_EQ);
  if (one < 0) return -1;
  if (s == 0)
    t = wf_tuple_pack(3, r->length, WF_NONE, WF_NONE);
  else if (one)
    t = wf_tuple_pack(3, r->length, r->start, WF_NONE);
  else
    t = wf_tuple_pack(3, r->length, r->start, r->step);
  return wf_object_hash(t);
}

static int range_equals(wf_rangeobject *a, wf_rangeobject *b) {
  if (a == b) return 1;
  WF_GC_ROOT(a);
  WF_GC_ROOT(b);
  int c = wf_object_richcompare_bool(a->length, b->length, Py_EQ);
  if (c <= 0) return c;
  if (wf_int_sign(a->length) == 0) return 1;
  c = wf_object_richcompare_bool(a->start, b->start, Py_EQ);
  if (c <= 0) return c;
  c = wf_object_richcompare_bool(a->length, I(1), Py_EQ);
  if (c != 0) return c;
  return wf_object_richcompare_bool(a->step, b->step, Py_EQ);
}

static PyObject *range_richcompare(PyObject *a, PyObject *b, int op) {
  if (!wf_range_check(b) || (op != Py_EQ && op != Py_NE)) return WF_NOTIMPLEMENTED;
  int r = range_equals(R(a), R(b));
  if (r < 0) return NULL;
  return wf_bool_from(op == Py_EQ ? r : !r);
}

static PyObject *m_reduce(PyObject *self, PyObject *unused) {
  wf_rangeobject *r = R(self);
  PyObject *args = wf_tuple_pack(3, r->start, r->stop, r->step);
  return wf_tuple_pack(2, (PyObject *)&wf_range_type, args);
}

/* ---- Iterators ------------------------------------------------------------------------ */

typedef wf_rangeiter rangeiter;

typedef struct {
  PyObject ob_base;
  PyObject *next, *step, *len;
  wf_lock lock;
} longrangeiter;

static PyObject *make_iter(PyObject *start, PyObject *step, PyObject *len) {
  int64_t a, s, n;
  if (fits(start, &a) && fits(step, &s) && fits(len, &n)) {
    /* the last item must fit too */
    __int128 last = (__int128)a + (__int128)(n > 0 ? n - 1 : 0) * s;
    if (last < SMALL_LIMIT && last > -SMALL_LIMIT) {
      rangeiter *it = (rangeiter *)wf_object_alloc(&wf_range_iter_type, sizeof(rangeiter));
      it->next = a;
      it->step = s;
      it->len = n;
      return (PyObject *)it;
    }
  }
  longrangeiter *it = (longrangeiter *)wf_object_alloc(&wf_longrange_iter_type, sizeof(longrangeiter));
  WF_GC_STORE(&it->next, start);
  WF_GC_STORE(&it->step, step);
  WF_GC_STORE(&it->len, len);
  return (PyObject *)it;
}

static PyObject *range_iter(PyObject *self) {
  wf_rangeobject *r = R(self);
  return make_iter(r->start, r->step, r->length);
}

static PyObject *m_reversed(PyObject *self, PyObject *unused) {
  wf_rangeobject *r = R(self);
  WF_GC_ROOT(r);
  if (r->small) {
    rangeiter *it = (rangeiter *)wf_object_alloc(&wf_range_iter_type, sizeof(rangeiter));
    it->next = r->s_start + (r->s_len - 1) * r->s_step;
    it->step = -r->s_step;
    it->len = r->s_len;
    return (PyObject *)it;
  }
  PyObject *n1 = sub(r->length, I(1));
  if (!n1) return NULL;
  PyObject *last = item_obj(r, n1);
  if (!last) return NULL;
  WF_GC_ROOT(last);
  PyObject *ns = wf_number_negative(r->step);
  if (!ns) return NULL;
  return make_iter(last, ns, r->length);
}

static PyObject *iter_self(PyObject *self) { return self; }

static PyObject *rangeiter_next(PyObject *self) { return wf_rangeiter_next(self); }

static PyObject *rangeiter_len(PyObject *self, PyObject *unused) { return I(((rangeiter *)self)->len); }

static void longiter_trace(void *obj, wf_gc_tracer *t) {
  longrangeiter *it = obj;
  wf_gc_visit(t, __atomic_load_n(&it->next, __ATOMIC_RELAXED));
  wf_gc_visit(t, __atomic_load_n(&it->step, __ATOMIC_RELAXED));
  wf_gc_visit(t, __atomic_load_n(&it->len, __ATOMIC_RELAXED));
}

static PyObject *longiter_next(PyObject *self) {
  longrangeiter *it = (longrangeiter *)self;
  WF_GC_ROOT(it);
  /* Read the state, compute the successor outside the lock, publish it only
   * if no other thread advanced the iterator meanwhile. */
  for (;;) {
    PyObject *len = WF_GC_LOAD(&it->len), *v = WF_GC_LOAD(&it->next);
    WF_GC_ROOT(len);
    WF_GC_ROOT(v);
    if (wf_int_sign(len) <= 0) return NULL;
    PyObject *nl = sub(len, I(1));
    if (!nl) return NULL;
    WF_GC_ROOT(nl);
    PyObject *nn = add(v, it->step);
    if (!nn) return NULL;
    wf_lock_acquire(&it->lock);
    bool same = it->len == len && it->next == v;
    if (same) {
      WF_GC_STORE(&it->len, nl);
      WF_GC_STORE(&it->next, nn);
    }
    wf_lock_release(&it->lock);
    if (same) return v;
  }
}

static PyObject *longiter_len(PyObject *self, PyObject *unused) { return WF_GC_LOAD(&((longrangeiter *)self)->len); }

static PyObject *iter_reduce(PyObject *self, PyObject *unused) {
  return wf_err_set_string(&wf_NotImplementedError_type, "pickling range iterators (__reduce__) is not implemented");
}

static PyMethodDef rangeiter_methods[] = {
    {"__length_hint__", (PyCFunction)rangeiter_len, METH_NOARGS, NULL},
    {"__reduce__", (PyCFunction)iter_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};
static PyMethodDef longiter_methods[] = {
    {"__length_hint__", (PyCFunction)longiter_len, METH_NOARGS, NULL},
    {"__reduce__", (PyCFunction)iter_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject wf_range_iter_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "range_iterator",
    .tp_basicsize = sizeof(rangeiter),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = iter_self,
    .tp_iternext = rangeiter_next,
    .tp_methods = rangeiter_methods,
};

PyTypeObject wf_longrange_iter_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "longrange_iterator",
    .tp_basicsize = sizeof(longrangeiter),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_iter = iter_self,
    .tp_iternext = longiter_next,
    .tp_methods = longiter_methods,
    .wf = {.trace = longiter_trace},
};

/* ---- The type -------------------------------------------------------------------------- */

static PyMethodDef range_methods[] = {
    {"__reversed__", (PyCFunction)m_reversed, METH_NOARGS, NULL},
    {"__reduce__", (PyCFunction)m_reduce, METH_NOARGS, NULL},
    {"count", (PyCFunction)m_count, METH_O, NULL},
    {"index", (PyCFunction)m_index, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef range_members[] = {
    {"start", T_OBJECT, offsetof(wf_rangeobject, start), READONLY, NULL},
    {"stop", T_OBJECT, offsetof(wf_rangeobject, stop), READONLY, NULL},
    {"step", T_OBJECT, offsetof(wf_rangeobject, step), READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyNumberMethods range_as_number = {.nb_bool = range_bool};
static PySequenceMethods range_as_sequence = {
    .sq_length = range_len,
    .sq_item = range_item,
    .sq_contains = range_contains,
};
static PyMappingMethods range_as_mapping = {
    .mp_length = range_len,
    .mp_subscript = range_subscript,
};

PyTypeObject wf_range_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "range",
    .tp_basicsize = sizeof(wf_rangeobject),
    .tp_repr = range_repr,
    .tp_as_number = &range_as_number,
    .tp_as_sequence = &range_as_sequence,
    .tp_as_mapping = &range_as_mapping,
    .tp_hash = range_hash,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_SEQUENCE,
    .tp_doc = "range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\n"
              "Return an object that produces a sequence of integers from start (inclusive)\n"
              "to stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\n"
              "start defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\n"
              "These are exactly the valid indices for a list of 4 elements.\n"
              "When step is given, it specifies the increment (or decrement).",
    .tp_richcompare = range_richcompare,
    .tp_iter = range_iter,
    .tp_methods = range_methods,
    .tp_members = range_members,
    .tp_new = range_tp_new,
    .wf = {.trace = range_trace},
};
