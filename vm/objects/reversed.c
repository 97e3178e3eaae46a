/* reversed(sequence): iterate a sequence backwards through __len__ and
 * __getitem__ (or whatever its __reversed__ returns). */
#include "dict.h"
#include "errors.h"
#include "int.h"
#include "iterobject.h"
#include "protocol.h"
#include "runtime.h"
#include "tuple.h"
#include "typeobject.h"

typedef struct {
  PyObject ob_base;
  Py_ssize_t index; /* next index; below 0 once exhausted */
  PyObject *seq;    /* NULL once exhausted */
} revobject;

static void rev_trace(void *obj, wf_gc_tracer *t) {
  wf_gc_visit(t, __atomic_load_n(&((revobject *)obj)->seq, __ATOMIC_RELAXED));
}

/* The special method `name` of type(o) bound to o; NULL without an exception when missing. */
static PyObject *lookup_special(PyObject *o, PyObject *name) {
  PyObject *f = wf_type_lookup(WF_TYPE(o), name);
  if (!f) return NULL;
  descrgetfunc get = WF_TYPE(f)->tp_descr_get;
  if (!get) return f;
  return get(f, o, (PyObject *)WF_TYPE(o));
}

static PyObject *rev_make(PyTypeObject *type, PyObject *seq) {
  WF_GC_ROOT(seq);
  PyObject *meth = lookup_special(seq, WF_ID(__reversed__));
  if (meth == WF_NONE)
    return wf_err_format(&wf_TypeError_type, "'%.200s' object is not reversible", WF_TYPE(seq)->tp_name);
  if (meth) return wf_call_noargs(meth);
  if (wf_err_occurred()) return NULL;
  PyTypeObject *t = WF_TYPE(seq);
  if (!t->tp_as_sequence || !t->tp_as_sequence->sq_item || wf_dict_check(seq))
    return wf_err_format(&wf_TypeError_type, "'%.200s' object is not reversible", t->tp_name);
  Py_ssize_t n = wf_object_length(seq);
  if (n < 0) return NULL;
  revobject *r = (revobject *)wf_type_generic_alloc(type, 0);
  r->index = n - 1;
  WF_GC_STORE(&r->seq, seq);
  return (PyObject *)r;
}

PyObject *wf_reversed_new(PyObject *seq) { return rev_make(&wf_reversed_type, seq); }

static PyObject *rev_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  if (type == &wf_reversed_type && kwds && wf_dict_size(kwds) > 0)
    return wf_err_set_string(&wf_TypeError_type, "reversed() takes no keyword arguments");
  if (wf_arg_check_positional("reversed", WF_SIZE(args), 1, 1) < 0) return NULL;
  return rev_make(type, WF_TUPLE_GET(args, 0));
}

static PyObject *rev_next(PyObject *self) {
  revobject *r = (revobject *)self;
  PyObject *seq = WF_GC_LOAD(&r->seq);
  if (!seq) return NULL;
  WF_GC_ROOT(seq);
  WF_GC_ROOT(self);
  /* Each index is claimed by one thread. */
  Py_ssize_t i = __atomic_fetch_sub(&r->index, 1, __ATOMIC_RELAXED);
  if (i >= 0) {
    PyObject *item = wf_sequence_getitem(seq, i);
    if (item) return item;
    if (!wf_err_matches(&wf_IndexError_type) && !wf_err_matches(&wf_StopIteration_type)) return NULL;
    wf_err_clear();
  }
  __atomic_store_n(&r->index, -1, __ATOMIC_RELAXED);
  WF_GC_STORE(&r->seq, NULL);
  return NULL;
}

static PyObject *iter_self(PyObject *self) { return self; }

static PyObject *rev_len(PyObject *self, PyObject *unused) {
  revobject *r = (revobject *)self;
  PyObject *seq = WF_GC_LOAD(&r->seq);
  if (!seq) return wf_int_from_ssize(0);
  Py_ssize_t n = wf_object_length(seq);
  if (n < 0) return NULL;
  Py_ssize_t pos = __atomic_load_n(&r->index, __ATOMIC_RELAXED) + 1;
  if (pos < 0) pos = 0;
  return wf_int_from_ssize(n < pos ? 0 : pos);
}

static PyObject *rev_reduce(PyObject *self, PyObject *unused) {
  revobject *r = (revobject *)self;
  PyObject *seq = WF_GC_LOAD(&r->seq);
  if (!seq) return wf_tuple_pack(2, (PyObject *)WF_TYPE(self), wf_tuple_pack(1, wf_tuple_new(0)));
  PyObject *args = wf_tuple_pack(1, seq);
  Py_ssize_t i = __atomic_load_n(&r->index, __ATOMIC_RELAXED);
  return wf_tuple_pack(3, (PyObject *)WF_TYPE(self), args, wf_int_from_ssize(i < -1 ? -1 : i));
}

static PyObject *rev_setstate(PyObject *self, PyObject *state) {
  revobject *r = (revobject *)self;
  WF_GC_ROOT(self);
  Py_ssize_t index = wf_number_as_ssize_t(state, NULL);
  if (index == -1 && wf_err_occurred()) return NULL;
  PyObject *seq = WF_GC_LOAD(&r->seq);
  if (seq) {
    Py_ssize_t n = wf_object_length(seq);
    if (n < 0) return NULL;
    if (index < -1)
      index = -1;
    else if (index > n - 1)
      index = n - 1;
    __atomic_store_n(&r->index, index, __ATOMIC_RELAXED);
  }
  return WF_NONE;
}

static PyMethodDef rev_methods[] = {
    {"__length_hint__", (PyCFunction)rev_len, METH_NOARGS, "Private method returning an estimate of len(list(it))."},
    {"__reduce__", (PyCFunction)rev_reduce, METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", (PyCFunction)rev_setstate, METH_O, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject wf_reversed_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "reversed",
    .tp_basicsize = sizeof(revobject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Return a reverse iterator over the values of the given sequence.",
    .tp_iter = iter_self,
    .tp_iternext = rev_next,
    .tp_methods = rev_methods,
    .tp_new = rev_tp_new,
    .wf = {.trace = rev_trace},
};
WF_REGISTER_TYPE(wf_reversed_type);
