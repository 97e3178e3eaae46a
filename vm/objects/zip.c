/* zip(*iterables, strict=False): tuples of the i-th items. */
#include "dict.h"
#include "errors.h"
#include "int.h"
#include "iterobject.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"

typedef struct {
  PyObject ob_base;
  PyObject *iters; /* tuple of iterators */
  int strict;      /* written only by __setstate__ */
} zipobject;

static void zip_trace(void *obj, wf_gc_tracer *t) { wf_gc_visit(t, ((zipobject *)obj)->iters); }

static PyObject *zip_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  int strict = 0;
  Py_ssize_t nkw = kwds ? wf_dict_size(kwds) : 0;
  if (nkw > 1) return wf_err_format(&wf_TypeError_type, "zip() takes at most 1 keyword argument (%zd given)", nkw);
  if (nkw == 1) {
    Py_ssize_t pos = 0;
    PyObject *k, *v;
    wf_dict_next(kwds, &pos, &k, &v);
    if (!wf_str_check(k) || !wf_str_equal_cstr(k, "strict"))
      return wf_err_format(&wf_TypeError_type, "'%S' is an invalid keyword argument for zip()", k);
    strict = wf_object_is_true(v);
    if (strict < 0) return NULL;
  }
  Py_ssize_t n = WF_SIZE(args);
  PyObject *iters = wf_tuple_new(n);
  WF_GC_ROOT(iters);
  WF_GC_ROOT(args);
  for (Py_ssize_t i = 0; i < n; i++) {
    PyObject *it = wf_object_getiter(WF_TUPLE_GET(args, i));
    if (!it) return NULL;
    WF_TUPLE_INIT(iters, i, it);
  }
  zipobject *z = (zipobject *)wf_type_generic_alloc(type, 0);
  WF_GC_STORE(&z->iters, iters);
  z->strict = strict;
  return (PyObject *)z;
}

static PyObject *next_of(PyObject *it) {
  iternextfunc f = WF_TYPE(it)->tp_iternext;
  return f ? f(it) : wf_iter_next(it);
}

/* An iterator ran out: the strict checks.  Returns NULL always. */
static PyObject *zip_mismatch(PyObject *iters, Py_ssize_t i) {
  if (wf_err_occurred()) {
    if (!wf_err_matches(&wf_StopIteration_type)) return NULL;
    wf_err_clear();
  }
  if (i > 0)
    return wf_err_format(&wf_ValueError_type, "zip() argument %zd is shorter than argument%s%zd", i + 1,
                         i == 1 ? " " : "s 1-", i);
  Py_ssize_t n = WF_SIZE(iters);
  for (Py_ssize_t j = 1; j < n; j++) {
    PyObject *item = next_of(WF_TUPLE_GET(iters, j));
    if (item)
      return wf_err_format(&wf_ValueError_type, "zip() argument %zd is longer than argument%s%zd", j + 1,
                           j == 1 ? " " : "s 1-", j);
    if (wf_err_occurred()) {
      if (!wf_err_matches(&wf_StopIteration_type)) return NULL;
      wf_err_clear();
    }
  }
  return NULL;
}

static PyObject *zip_next(PyObject *self) {
  zipobject *z = (zipobject *)self;
  PyObject *iters = z->iters;
  WF_GC_ROOT(iters);
  Py_ssize_t n = WF_SIZE(iters);
  if (n == 0) return NULL;
  PyObject *result = wf_tuple_new(n);
  WF_GC_ROOT(result);
  for (Py_ssize_t i = 0; i < n; i++) {
    PyObject *item = next_of(WF_TUPLE_GET(iters, i));
    if (!item) return __atomic_load_n(&z->strict, __ATOMIC_RELAXED) ? zip_mismatch(iters, i) : NULL;
    WF_TUPLE_INIT(result, i, item);
  }
  return result;
}

static PyObject *iter_self(PyObject *self) { return self; }

static PyObject *zip_reduce(PyObject *self, PyObject *unused) {
  zipobject *z = (zipobject *)self;
  if (__atomic_load_n(&z->strict, __ATOMIC_RELAXED))
    return wf_tuple_pack(3, (PyObject *)WF_TYPE(self), z->iters, WF_TRUE);
  return wf_tuple_pack(2, (PyObject *)WF_TYPE(self), z->iters);
}

static PyObject *zip_setstate(PyObject *self, PyObject *state) {
  int strict = wf_object_is_true(state);
  if (strict < 0) return NULL;
  __atomic_store_n(&((zipobject *)self)->strict, strict, __ATOMIC_RELAXED);
  return WF_NONE;
}

static PyMethodDef zip_methods[] = {
    {"__reduce__", (PyCFunction)zip_reduce, METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", (PyCFunction)zip_setstate, METH_O, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject wf_zip_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "zip",
    .tp_basicsize = sizeof(zipobject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc =
        "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.\n\n   >>> list(zip('abcdefg', "
        "range(3), range(4)))\n   [('a', 0, 0), ('b', 1, 1), ('c', 2, 2)]\n\nThe zip object yields n-length "
        "tuples, where n is the number of iterables\npassed as positional arguments to zip().  The i-th element "
        "in every tuple\ncomes from the i-th iterable argument to zip().  This continues until the\nshortest "
        "argument is exhausted.\n\nIf strict is true and one of the arguments is exhausted before the others,"
        "\nraise a ValueError.",
    .tp_iter = iter_self,
    .tp_iternext = zip_next,
    .tp_methods = zip_methods,
    .tp_new = zip_tp_new,
    .wf = {.trace = zip_trace},
};
WF_REGISTER_TYPE(wf_zip_type);
