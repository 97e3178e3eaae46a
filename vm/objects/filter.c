/* filter(function or None, iterable): the items for which function(item)
 * (or the item itself) is true. */
#include "dict.h"
#include "errors.h"
#include "int.h"
#include "iterobject.h"
#include "protocol.h"
#include "runtime.h"
#include "thread.h"
#include "tuple.h"
#include "typeobject.h"

typedef struct {
  PyObject ob_base;
  PyObject *func; /* None or bool: test the item itself */
  PyObject *it;
} filterobject;

static void filter_trace(void *obj, wf_gc_tracer *t) {
  filterobject *f = obj;
  wf_gc_visit(t, f->func);
  wf_gc_visit(t, f->it);
}

static PyObject *filter_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  if (type == &wf_filter_type && kwds && wf_dict_size(kwds) > 0)
    return wf_err_set_string(&wf_TypeError_type, "filter() takes no keyword arguments");
  if (wf_arg_check_positional("filter", WF_SIZE(args), 2, 2) < 0) return NULL;
  WF_GC_ROOT(args);
  PyObject *it = wf_object_getiter(WF_TUPLE_GET(args, 1));
  if (!it) return NULL;
  WF_GC_ROOT(it);
  filterobject *f = (filterobject *)wf_type_generic_alloc(type, 0);
  WF_GC_STORE(&f->func, WF_TUPLE_GET(args, 0));
  WF_GC_STORE(&f->it, it);
  return (PyObject *)f;
}

static PyObject *filter_next(PyObject *self) {
  filterobject *fo = (filterobject *)self;
  PyObject *it = fo->it, *func = fo->func;
  WF_GC_ROOT(it);
  WF_GC_ROOT(func);
  bool plain = func == WF_NONE || func == (PyObject *)&wf_bool_type;
  iternextfunc next = WF_TYPE(it)->tp_iternext;
  for (;;) {
    PyObject *item = next ? next(it) : wf_iter_next(it);
    if (!item) return NULL;
    WF_GC_ROOT(item);
    int ok;
    if (plain) {
      ok = wf_object_is_true(item);
    } else {
      PyObject *r = wf_call_one(func, item);
      if (!r) return NULL;
      ok = wf_object_is_true(r);
    }
    if (ok < 0) return NULL;
    if (ok) return item;
    WF_SAFEPOINT_POLL();
  }
}

static PyObject *iter_self(PyObject *self) { return self; }

static PyObject *filter_reduce(PyObject *self, PyObject *unused) {
  filterobject *f = (filterobject *)self;
  PyObject *args = wf_tuple_pack(2, f->func, f->it);
  return wf_tuple_pack(2, (PyObject *)WF_TYPE(self), args);
}

static PyMethodDef filter_methods[] = {
    {"__reduce__", (PyCFunction)filter_reduce, METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject wf_filter_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "filter",
    .tp_basicsize = sizeof(filterobject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc =
        "filter(function or None, iterable) --> filter object\n\nReturn an iterator yielding those items of "
        "iterable for which function(item)\nis true. If function is None, return the items that are true.",
    .tp_iter = iter_self,
    .tp_iternext = filter_next,
    .tp_methods = filter_methods,
    .tp_new = filter_tp_new,
    .wf = {.trace = filter_trace},
};
WF_REGISTER_TYPE(wf_filter_type);
