/* enumerate(iterable, start=0): (index, item) pairs. */
#include "dict.h"
#include "errors.h"
#include "int.h"
#include "iterobject.h"
#include "lock.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"

typedef struct {
  PyObject ob_base;
  PyObject *it;        /* the underlying iterator */
  PyObject *longindex; /* next index as an int once it leaves the fast counter, else NULL */
  Py_ssize_t index;    /* next index while longindex is NULL */
  wf_lock lock;        /* guards index/longindex when threads share the object */
} enumobject;

static void enum_trace(void *obj, wf_gc_tracer *t) {
  enumobject *e = obj;
  wf_gc_visit(t, e->it);
  wf_gc_visit(t, __atomic_load_n(&e->longindex, __ATOMIC_RELAXED));
}

static PyObject *enum_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  Py_ssize_t n = args ? WF_SIZE(args) : 0, nkw = kwds ? wf_dict_size(kwds) : 0;
  if (n + nkw > 2)
    return wf_err_format(&wf_TypeError_type, "enumerate() takes at most 2 arguments (%zd given)", n + nkw);
  PyObject *iterable = n > 0 ? WF_TUPLE_GET(args, 0) : NULL, *start = n > 1 ? WF_TUPLE_GET(args, 1) : NULL;
  Py_ssize_t pos = 0;
  PyObject *k, *v;
  while (kwds && wf_dict_next(kwds, &pos, &k, &v)) {
    PyObject **slot;
    if (wf_str_check(k) && wf_str_equal_cstr(k, "iterable"))
      slot = &iterable;
    else if (wf_str_check(k) && wf_str_equal_cstr(k, "start"))
      slot = &start;
    else
      return wf_err_format(&wf_TypeError_type, "'%S' is an invalid keyword argument for enumerate()", k);
    if (*slot) return wf_err_format(&wf_TypeError_type, "'%S' is an invalid keyword argument for enumerate()", k);
    *slot = v;
  }
  if (!iterable) return wf_err_set_string(&wf_TypeError_type, "enumerate() missing required argument 'iterable'");
  WF_GC_ROOT(start);
  PyObject *it = wf_object_getiter(iterable);
  WF_GC_ROOT(it);
  if (!it) return NULL;
  PyObject *startint = NULL;
  WF_GC_ROOT(startint);
  if (start) {
    startint = wf_number_index(start);
    if (!startint) return NULL;
    startint = wf_int_exact(startint);
    if (!startint) return NULL;
  }
  /* The fast counter when the start fits (no exception, no safepoint below). */
  int64_t small = 0;
  bool fast = !startint || wf_int_small_value(startint, &small);
  enumobject *e = (enumobject *)wf_type_generic_alloc(type, 0);
  WF_GC_STORE(&e->it, it);
  if (fast)
    e->index = (Py_ssize_t)small;
  else
    WF_GC_STORE(&e->longindex, startint);
  return (PyObject *)e;
}

static PyObject *enum_next(PyObject *self) {
  enumobject *e = (enumobject *)self;
  WF_GC_ROOT(self);
  PyObject *it = e->it;
  iternextfunc f = WF_TYPE(it)->tp_iternext;
  PyObject *item = f ? f(it) : wf_iter_next(it);
  WF_GC_ROOT(item);
  if (!item) return NULL;
  PyObject *index;
  wf_lock_acquire(&e->lock);
  if (!e->longindex && e->index < INT64_MAX) {
    Py_ssize_t i = e->index++;
    wf_lock_release(&e->lock);
    index = wf_int_from_ssize(i);
  } else {
    /* Exact ints: the addition allocates but runs no Python code. */
    index = e->longindex ? e->longindex : wf_int_from_ssize(e->index);
    WF_GC_STORE(&e->longindex, wf_int_add(index, wf_int_from_ssize(1)));
    wf_lock_release(&e->lock);
  }
  if (!index) return NULL;
  return wf_tuple_pack(2, index, item);
}

static PyObject *iter_self(PyObject *self) { return self; }

static PyObject *enum_reduce(PyObject *self, PyObject *unused) {
  enumobject *e = (enumobject *)self;
  wf_lock_acquire(&e->lock);
  PyObject *index = e->longindex ? e->longindex : wf_int_from_ssize(e->index);
  wf_lock_release(&e->lock);
  WF_GC_ROOT(index);
  PyObject *args = wf_tuple_pack(2, e->it, index);
  return wf_tuple_pack(2, (PyObject *)WF_TYPE(self), args);
}

static PyMethodDef enum_methods[] = {
    {"__reduce__", (PyCFunction)enum_reduce, METH_NOARGS, "Return state information for pickling."},
    {"__class_getitem__", wf_class_getitem_generic, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

PyTypeObject wf_enumerate_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "enumerate",
    .tp_basicsize = sizeof(enumobject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc =
        "Return an enumerate object.\n\n  iterable\n    an object supporting iteration\n\nThe enumerate object "
        "yields pairs containing a count (from start, which\ndefaults to zero) and a value yielded by the "
        "iterable argument.\n\nenumerate is useful for obtaining an indexed list:\n    (0, seq[0]), (1, "
        "seq[1]), (2, seq[2]), ...",
    .tp_iter = iter_self,
    .tp_iternext = enum_next,
    .tp_methods = enum_methods,
    .tp_new = enum_tp_new,
    .wf = {.trace = enum_trace},
};
WF_REGISTER_TYPE(wf_enumerate_type);
