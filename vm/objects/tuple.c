/* tuple and its iterator. Immutable: items are stored with WF_TUPLE_INIT
 * before the tuple is shared, never afterwards, so readers need no
 * synchronisation beyond the publication of the tuple itself. The empty
 * tuple is a static singleton. Hash: CPython 3.11's xxHash-based tuple hash
 * (wf_hash_tuple over item hashes). */
#include <stdio.h>
#include <stdlib.h>

#include "int.h"
#include "runtime.h"
#include "vmthread.h"
#include <string.h>

#include "descr.h"
#include "errors.h"
#include "exceptions.h"
#include "int.h"
#include "list.h"
#include "protocol.h"
#include "slice.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"
#include "wf_hash.h"

extern PyTypeObject wf_tupleiter_type;
#define TUPLE_BASIC ((Py_ssize_t)offsetof(PyTupleObject, ob_item))

static PyTupleObject empty_tuple = {{{0, &wf_tuple_type}, 0}, {NULL}};

PyObject *wf_tuple_new(Py_ssize_t n) {
  if (n == 0) return (PyObject *)&empty_tuple;
  if (n < 0) return wf_err_bad_internal_call("wf_tuple_new");
  if ((size_t)n > ((size_t)1 << 40)) return wf_err_no_memory();
  return (PyObject *)wf_object_alloc_var(&wf_tuple_type, n);
}

PyObject *wf_tuple_pack(Py_ssize_t n, ...) {
  PyObject *t = wf_tuple_new(n);
  va_list ap;
  va_start(ap, n);
  for (Py_ssize_t i = 0; i < n; i++) WF_TUPLE_INIT(t, i, va_arg(ap, PyObject *));
  va_end(ap);
  return t;
}

PyObject *wf_tuple_from_array(PyObject *const *items, Py_ssize_t n) {
  PyObject *t = wf_tuple_new(n);
  if (!t) return NULL;
  for (Py_ssize_t i = 0; i < n; i++) WF_TUPLE_INIT(t, i, items[i]);
  return t;
}

PyObject *wf_tuple_slice(PyObject *t, Py_ssize_t lo, Py_ssize_t hi) {
  Py_ssize_t n = WF_SIZE(t);
  if (lo < 0) lo = 0;
  if (hi > n) hi = n;
  if (hi < lo) hi = lo;
  if (lo == 0 && hi == n && WF_TYPE(t) == &wf_tuple_type) return t;
  return wf_tuple_from_array(WF_TUPLE_ITEMS(t) + lo, hi - lo);
}

static void tuple_trace(void *o, wf_gc_tracer *t) {
  PyTupleObject *tp = o;
  Py_ssize_t n = tp->ob_base.ob_size;
  for (Py_ssize_t i = 0; i < n; i++) wf_gc_visit(t, tp->ob_item[i]);
}

/* ---- Slots ---- */

static PyObject *tuple_repr(PyObject *self) {
  Py_ssize_t n = WF_SIZE(self);
  if (n == 0) return wf_str_from_cstr("()");
  WF_GC_ROOT(self);
  int st = wf_repr_enter(self);
  if (st < 0) return NULL;
  if (st > 0) return wf_str_from_cstr("(...)");
  PyObject *parts = wf_tuple_new(n);
  WF_GC_ROOT(parts);
  PyObject *r = NULL;
  if (wf_enter_recursive(" while getting the repr of an object") < 0) goto out;
  for (Py_ssize_t i = 0; i < n; i++) {
    PyObject *s = wf_object_repr(WF_TUPLE_GET(self, i));
    if (!s) {
      wf_leave_recursive();
      goto out;
    }
    WF_TUPLE_INIT(parts, i, s);
  }
  wf_leave_recursive();
  PyObject *body = wf_str_join(wf_str_from_cstr(", "), parts);
  if (!body) goto out;
  r = n == 1 ? wf_str_from_format("(%U,)", body) : wf_str_from_format("(%U)", body);
out:
  wf_repr_leave(self);
  return r;
}

static Py_ssize_t tuple_length(PyObject *self) { return WF_SIZE(self); }

static PyObject *tuple_item(PyObject *self, Py_ssize_t i) {
  if (i < 0 || i >= WF_SIZE(self)) return wf_err_set_string(&wf_IndexError_type, "tuple index out of range");
  return WF_TUPLE_GET(self, i);
}

static PyObject *tuple_subscript(PyObject *self, PyObject *key) {
  if (wf_index_check(key)) {
    Py_ssize_t i = wf_number_as_ssize_t(key, &wf_IndexError_type);
    if (i == -1 && wf_err_occurred()) return NULL;
    if (i < 0) i += WF_SIZE(self);
    return tuple_item(self, i);
  }
  if (wf_slice_check(key)) {
    WF_GC_ROOT(self);
    Py_ssize_t start, stop, step;
    if (wf_slice_unpack(key, &start, &stop, &step) < 0) return NULL;
    Py_ssize_t n = wf_slice_adjust(WF_SIZE(self), &start, &stop, step);
    if (step == 1) return wf_tuple_slice(self, start, stop);
    PyObject *r = wf_tuple_new(n);
    for (Py_ssize_t i = 0, j = start; i < n; i++, j += step) WF_TUPLE_INIT(r, i, WF_TUPLE_GET(self, j));
    return r;
  }
  return wf_err_format(&wf_TypeError_type, "tuple indices must be integers or slices, not %.200s", WF_TYPE(key)->tp_name);
}

static PyObject *tuple_concat(PyObject *a, PyObject *b) {
  if (!wf_tuple_check(b))
    return wf_err_format(&wf_TypeError_type, "can only concatenate tuple (not \"%.200s\") to tuple", WF_TYPE(b)->tp_name);
  Py_ssize_t na = WF_SIZE(a), nb = WF_SIZE(b);
  if (nb == 0 && WF_TYPE(a) == &wf_tuple_type) return a;
  if (na == 0 && WF_TYPE(b) == &wf_tuple_type) return b;
  PyObject *r = wf_tuple_new(na + nb);
  for (Py_ssize_t i = 0; i < na; i++) WF_TUPLE_INIT(r, i, WF_TUPLE_GET(a, i));
  for (Py_ssize_t i = 0; i < nb; i++) WF_TUPLE_INIT(r, na + i, WF_TUPLE_GET(b, i));
  return r;
}

static PyObject *tuple_repeat(PyObject *a, Py_ssize_t n) {
  Py_ssize_t len = WF_SIZE(a);
  if (n == 1 && WF_TYPE(a) == &wf_tuple_type) return a;
  if (n <= 0 || len == 0) return wf_tuple_new(0);
  if (len > WF_SSIZE_MAX / n) return wf_err_no_memory();
  PyObject *r = wf_tuple_new(len * n);
  if (!r) return NULL;
  for (Py_ssize_t k = 0; k < n; k++)
    for (Py_ssize_t i = 0; i < len; i++) WF_TUPLE_INIT(r, k * len + i, WF_TUPLE_GET(a, i));
  return r;
}

static int tuple_contains(PyObject *self, PyObject *v) {
  WF_GC_ROOT(self);
  WF_GC_ROOT(v);
  for (Py_ssize_t i = 0; i < WF_SIZE(self); i++) {
    int c = wf_object_richcompare_bool(WF_TUPLE_GET(self, i), v, Py_EQ);
    if (c != 0) return c;
  }
  return 0;
}

static Py_hash_t tuple_hash(PyObject *self) {
  WF_GC_ROOT(self);
  wf_tuple_hasher h;
  wf_tuple_hasher_init(&h);
  Py_ssize_t n = WF_SIZE(self);
  for (Py_ssize_t i = 0; i < n; i++) {
    Py_hash_t x = wf_object_hash(WF_TUPLE_GET(self, i));
    if (x == -1) return -1;
    wf_tuple_hasher_add(&h, x);
  }
  return wf_tuple_hasher_finish(&h, (size_t)n);
}

static PyObject *tuple_richcompare(PyObject *v, PyObject *w, int op) {
  if (!wf_tuple_check(v) || !wf_tuple_check(w)) return WF_NOTIMPLEMENTED;
  WF_GC_ROOT(v);
  WF_GC_ROOT(w);
  Py_ssize_t vn = WF_SIZE(v), wn = WF_SIZE(w), i;
  for (i = 0; i < vn && i < wn; i++) {
    int k = wf_object_richcompare_bool(WF_TUPLE_GET(v, i), WF_TUPLE_GET(w, i), Py_EQ);
    if (k < 0) return NULL;
    if (!k) break;
  }
  if (i >= vn || i >= wn) {
    bool r;
    switch (op) {
    case Py_LT: r = vn < wn; break;
    case Py_LE: r = vn <= wn; break;
    case Py_EQ: r = vn == wn; break;
    case Py_NE: r = vn != wn; break;
    case Py_GT: r = vn > wn; break;
    default: r = vn >= wn; break;
    }
    return wf_bool_from(r);
  }
  if (op == Py_EQ) return WF_FALSE;
  if (op == Py_NE) return WF_TRUE;
  return wf_object_richcompare(WF_TUPLE_GET(v, i), WF_TUPLE_GET(w, i), op);
}

static PyObject *tuple_iter(PyObject *self);

static PyObject *tuple_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  if (type == &wf_tuple_type && kwds && wf_object_length(kwds) > 0)
    return wf_err_set_string(&wf_TypeError_type, "tuple() takes no keyword arguments");
  if (WF_SIZE(args) > 1)
    return wf_err_format(&wf_TypeError_type, "tuple expected at most 1 argument, got %zd", WF_SIZE(args));
  PyObject *t = WF_SIZE(args) ? wf_sequence_tuple(WF_TUPLE_GET(args, 0)) : wf_tuple_new(0);
  if (!t || type == &wf_tuple_type) return t;
  WF_GC_ROOT(t);
  Py_ssize_t n = WF_SIZE(t);
  PyObject *r = type->tp_alloc(type, n);
  WF_SIZE(r) = n;
  for (Py_ssize_t i = 0; i < n; i++) WF_TUPLE_INIT(r, i, WF_TUPLE_GET(t, i));
  return r;
}

/* ---- Methods ---- */

static PyObject *tuple_index(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("index", nargs, 1, 3) < 0) return NULL;
  Py_ssize_t start = 0, stop = WF_SSIZE_MAX, n = WF_SIZE(self);
  if (nargs > 1 && wf_slice_index(args[1], &start) < 0) return NULL;
  if (nargs > 2 && wf_slice_index(args[2], &stop) < 0) return NULL;
  if (start < 0) {
    start += n;
    if (start < 0) start = 0;
  }
  if (stop < 0) stop += n;
  WF_GC_ROOT(self);
  PyObject *v = args[0];
  WF_GC_ROOT(v);
  for (Py_ssize_t i = start; i < stop && i < WF_SIZE(self); i++) {
    int c = wf_object_richcompare_bool(WF_TUPLE_GET(self, i), v, Py_EQ);
    if (c < 0) return NULL;
    if (c) return wf_int_from_ssize(i);
  }
  return wf_err_set_string(&wf_ValueError_type, "tuple.index(x): x not in tuple");
}

static PyObject *tuple_count(PyObject *self, PyObject *v) {
  WF_GC_ROOT(self);
  WF_GC_ROOT(v);
  Py_ssize_t c = 0;
  for (Py_ssize_t i = 0; i < WF_SIZE(self); i++) {
    int k = wf_object_richcompare_bool(WF_TUPLE_GET(self, i), v, Py_EQ);
    if (k < 0) return NULL;
    c += k;
  }
  return wf_int_from_ssize(c);
}

static PyObject *tuple_getnewargs(PyObject *self, PyObject *unused) {
  return wf_tuple_pack(1, wf_tuple_slice(self, 0, WF_SIZE(self)));
}

static PyMethodDef tuple_methods[] = {
    {"__getnewargs__", tuple_getnewargs, METH_NOARGS, NULL},
    {"index", (PyCFunction)(void (*)(void))tuple_index, METH_FASTCALL,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", tuple_count, METH_O, "Return number of occurrences of value."},
    {"__class_getitem__", wf_class_getitem_generic, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL}};

static PySequenceMethods tuple_as_sequence = {
    .sq_length = tuple_length,
    .sq_concat = tuple_concat,
    .sq_repeat = tuple_repeat,
    .sq_item = tuple_item,
    .sq_contains = tuple_contains,
};
static PyMappingMethods tuple_as_mapping = {.mp_length = tuple_length, .mp_subscript = tuple_subscript};

PyTypeObject wf_tuple_type = {
    .ob_base = {{0, &wf_type_type}, 0},
    .tp_name = "tuple",
    .tp_basicsize = TUPLE_BASIC,
    .tp_itemsize = sizeof(PyObject *),
    .tp_repr = tuple_repr,
    .tp_as_sequence = &tuple_as_sequence,
    .tp_as_mapping = &tuple_as_mapping,
    .tp_hash = tuple_hash,
    .tp_getattro = wf_object_generic_getattr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_TUPLE_SUBCLASS | Py_TPFLAGS_SEQUENCE |
                Py_TPFLAGS_MATCH_SELF,
    .tp_doc = "tuple(iterable=(), /)\n--\n\nBuilt-in immutable sequence.\n\nIf no argument is given, the constructor "
              "returns an empty tuple.\nIf iterable is specified the tuple is initialized from iterable's items.\n\n"
              "If the argument is a tuple, the return value is the same object.",
    .tp_richcompare = tuple_richcompare,
    .tp_iter = tuple_iter,
    .tp_methods = tuple_methods,
    .tp_alloc = wf_type_generic_alloc,
    .tp_new = tuple_new,
    .wf = {.trace = tuple_trace},
};

/* ---- tuple_iterator ---- */

typedef struct {
  PyObject ob_base;
  Py_ssize_t index; /* racing next() calls may both read one index: each gets a valid item */
  PyObject *seq;    /* NULL when exhausted */
} tupleiter;

static void tupleiter_trace(void *o, wf_gc_tracer *t) { wf_gc_visit(t, ((tupleiter *)o)->seq); }

static PyObject *tuple_iter(PyObject *self) {
  tupleiter *it = (tupleiter *)wf_object_alloc(&wf_tupleiter_type, sizeof(tupleiter));
  WF_GC_STORE(&it->seq, self);
  return (PyObject *)it;
}

static PyObject *tupleiter_next(PyObject *self) {
  tupleiter *it = (tupleiter *)self;
  PyObject *seq = WF_GC_LOAD(&it->seq);
  if (!seq) return NULL;
  Py_ssize_t i = __atomic_fetch_add(&it->index, 1, __ATOMIC_RELAXED);
  if (i < WF_SIZE(seq)) return WF_TUPLE_GET(seq, i);
  WF_GC_STORE(&it->seq, NULL);
  return NULL;
}

static PyObject *tupleiter_length_hint(PyObject *self, PyObject *unused) {
  tupleiter *it = (tupleiter *)self;
  PyObject *seq = WF_GC_LOAD(&it->seq);
  Py_ssize_t n = seq ? WF_SIZE(seq) - __atomic_load_n(&it->index, __ATOMIC_RELAXED) : 0;
  return wf_int_from_ssize(n < 0 ? 0 : n);
}

static PyObject *self_iter(PyObject *self) { return self; }

static PyMethodDef tupleiter_methods[] = {
    {"__length_hint__", tupleiter_length_hint, METH_NOARGS, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL}};

PyTypeObject wf_tupleiter_type = {
    .ob_base = {{0, &wf_type_type}, 0},
    .tp_name = "tuple_iterator",
    .tp_basicsize = sizeof(tupleiter),
    .tp_getattro = wf_object_generic_getattr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = self_iter,
    .tp_iternext = tupleiter_next,
    .tp_methods = tupleiter_methods,
    .wf = {.trace = tupleiter_trace},
};
