/* map(func, *iterables): func applied to the items of the iterables in step. */
#include "dict.h"
#include "errors.h"
#include "iterobject.h"
#include "protocol.h"
#include "runtime.h"
#include "tuple.h"
#include "typeobject.h"

typedef struct {
  PyObject ob_base;
  PyObject *func;
  PyObject *iters; /* tuple of iterators */
} mapobject;

static void map_trace(void *obj, wf_gc_tracer *t) {
  mapobject *m = obj;
  wf_gc_visit(t, m->func);
  wf_gc_visit(t, m->iters);
}

static PyObject *map_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  if (type == &wf_map_type && kwds && wf_dict_size(kwds) > 0)
    return wf_err_set_string(&wf_TypeError_type, "map() takes no keyword arguments");
  Py_ssize_t n = WF_SIZE(args);
  if (n < 2) return wf_err_set_string(&wf_TypeError_type, "map() must have at least two arguments.");
  PyObject *iters = wf_tuple_new(n - 1);
  WF_GC_ROOT(iters);
  WF_GC_ROOT(args);
  for (Py_ssize_t i = 1; i < n; i++) {
    PyObject *it = wf_object_getiter(WF_TUPLE_GET(args, i));
    if (!it) return NULL;
    WF_TUPLE_INIT(iters, i - 1, it);
  }
  mapobject *m = (mapobject *)wf_type_generic_alloc(type, 0);
  WF_GC_STORE(&m->func, WF_TUPLE_GET(args, 0));
  WF_GC_STORE(&m->iters, iters);
  return (PyObject *)m;
}

static PyObject *map_next(PyObject *self) {
  mapobject *m = (mapobject *)self;
  PyObject *iters = m->iters, *func = m->func;
  WF_GC_ROOT(iters);
  WF_GC_ROOT(func);
  Py_ssize_t n = WF_SIZE(iters);
  /* The items live in a tuple so that the GC sees them while the others are fetched. */
  PyObject *items = wf_tuple_new(n);
  WF_GC_ROOT(items);
  for (Py_ssize_t i = 0; i < n; i++) {
    PyObject *it = WF_TUPLE_GET(iters, i);
    iternextfunc f = WF_TYPE(it)->tp_iternext;
    PyObject *item = f ? f(it) : wf_iter_next(it);
    if (!item) return NULL;
    WF_TUPLE_INIT(items, i, item);
  }
  return wf_call(func, WF_TUPLE_ITEMS(items), (size_t)n, NULL);
}

static PyObject *iter_self(PyObject *self) { return self; }

static PyObject *map_reduce(PyObject *self, PyObject *unused) {
  mapobject *m = (mapobject *)self;
  Py_ssize_t n = WF_SIZE(m->iters);
  PyObject *args = wf_tuple_new(n + 1);
  WF_TUPLE_INIT(args, 0, m->func);
  for (Py_ssize_t i = 0; i < n; i++) WF_TUPLE_INIT(args, i + 1, WF_TUPLE_GET(m->iters, i));
  return wf_tuple_pack(2, (PyObject *)WF_TYPE(self), args);
}

static PyMethodDef map_methods[] = {
    {"__reduce__", (PyCFunction)map_reduce, METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject wf_map_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "map",
    .tp_basicsize = sizeof(mapobject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc =
        "map(func, *iterables) --> map object\n\nMake an iterator that computes the function using arguments "
        "from\neach of the iterables.  Stops when the shortest iterable is exhausted.",
    .tp_iter = iter_self,
    .tp_iternext = map_next,
    .tp_methods = map_methods,
    .tp_new = map_tp_new,
    .wf = {.trace = map_trace},
};
WF_REGISTER_TYPE(wf_map_type);
