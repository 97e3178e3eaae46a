/* mappingproxy: a read-only view of a mapping (type.__dict__). */
#include <stdio.h>
#include <stdlib.h>

#include "int.h"
#include "runtime.h"
#include "vmthread.h"
#include "descr.h"
#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "protocol.h"
#include "str.h"
#include "list.h"
#include "tuple.h"

typedef struct {
  PyObject ob_base;
  PyObject *mapping;
} mappingproxy;

#define M(o) (((mappingproxy *)(o))->mapping)

static void proxy_trace(void *o, wf_gc_tracer *t) { wf_gc_visit(t, M(o)); }

PyObject *wf_mappingproxy_new(PyObject *mapping) {
  mappingproxy *p = (mappingproxy *)wf_object_alloc(&wf_mappingproxy_type, sizeof(mappingproxy));
  WF_GC_STORE(&p->mapping, mapping);
  return (PyObject *)p;
}

static PyObject *proxy_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  PyObject *out[1];
  static const char *const names[] = {"mapping", NULL};
  if (kwds && wf_dict_size(kwds)) {
    PyObject *m = wf_dict_getitem_cstr(kwds, "mapping");
    if (!m || wf_dict_size(kwds) != 1 || WF_SIZE(args))
      return wf_err_set_string(&wf_TypeError_type, "mappingproxy() takes exactly one argument");
    out[0] = m;
  } else {
    if (wf_arg_check_positional("mappingproxy", WF_SIZE(args), 1, 1) < 0) return NULL;
    out[0] = WF_TUPLE_GET(args, 0);
  }
  (void)names;
  PyTypeObject *mt = WF_TYPE(out[0]);
  if (!mt->tp_as_mapping || !mt->tp_as_mapping->mp_subscript || wf_object_type_check(out[0], &wf_tuple_type) ||
      wf_list_check(out[0]))
    return wf_err_format(&wf_TypeError_type, "mappingproxy() argument must be a mapping, not %s", mt->tp_name);
  return wf_mappingproxy_new(out[0]);
}

static Py_ssize_t proxy_len(PyObject *self) { return wf_object_length(M(self)); }
static PyObject *proxy_getitem(PyObject *self, PyObject *k) { return wf_object_getitem(M(self), k); }
static int proxy_contains(PyObject *self, PyObject *k) {
  if (wf_dict_check(M(self))) return wf_dict_contains(M(self), k);
  return wf_sequence_contains(M(self), k);
}
static PyObject *proxy_iter(PyObject *self) { return wf_object_getiter(M(self)); }
static PyObject *proxy_repr(PyObject *self) { return wf_str_from_format("mappingproxy(%R)", M(self)); }
static PyObject *proxy_str(PyObject *self) { return wf_object_str(M(self)); }
static PyObject *proxy_richcompare(PyObject *self, PyObject *other, int op) {
  return wf_object_richcompare(M(self), other, op);
}

static PyObject *proxy_get(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("get", nargs, 1, 2) < 0) return NULL;
  PyObject *argv[2] = {args[0], nargs > 1 ? args[1] : WF_NONE};
  return wf_call_method_cstr(M(self), "get", argv, 2);
}
#define FWD(name)                                                         \
  static PyObject *proxy_##name(PyObject *self, PyObject *unused) {      \
    return wf_call_method_cstr(M(self), #name, NULL, 0);                 \
  }
FWD(keys)
FWD(values)
FWD(items)
FWD(copy)
static PyObject *proxy_reversed(PyObject *self, PyObject *unused) {
  return wf_call_method_cstr(M(self), "__reversed__", NULL, 0);
}
static PyObject *proxy_or(PyObject *a, PyObject *b) {
  if (WF_TYPE(a) == &wf_mappingproxy_type) a = M(a);
  if (WF_TYPE(b) == &wf_mappingproxy_type) b = M(b);
  return wf_number_binop(a, b, WF_BINOP_OR);
}
static PyObject *proxy_ior(PyObject *a, PyObject *b) {
  return wf_err_format(&wf_TypeError_type, "'|=' is not supported by %s; use '|' instead", WF_TYPE(a)->tp_name);
}

static PyMethodDef proxy_methods[] = {
    {"get", (PyCFunction)(void (*)(void))proxy_get, METH_FASTCALL,
     "D.get(k[,d]) -> D[k] if k in D, else d.  d defaults to None."},
    {"keys", proxy_keys, METH_NOARGS, "D.keys() -> a set-like object providing a view on D's keys"},
    {"values", proxy_values, METH_NOARGS, "D.values() -> an object providing a view on D's values"},
    {"items", proxy_items, METH_NOARGS, "D.items() -> a set-like object providing a view on D's items"},
    {"copy", proxy_copy, METH_NOARGS, "D.copy() -> a shallow copy of D"},
    {"__reversed__", proxy_reversed, METH_NOARGS, "D.__reversed__() -> reverse iterator"},
    {NULL, NULL, 0, NULL}};

static PyMappingMethods proxy_as_mapping = {.mp_length = proxy_len, .mp_subscript = proxy_getitem};
static PySequenceMethods proxy_as_sequence = {.sq_contains = proxy_contains};
static PyNumberMethods proxy_as_number = {.nb_or = proxy_or, .nb_inplace_or = proxy_ior};

PyTypeObject wf_mappingproxy_type = {
    .ob_base = {{0, &wf_type_type}, 0},
    .tp_name = "mappingproxy",
    .tp_basicsize = sizeof(mappingproxy),
    .tp_repr = proxy_repr,
    .tp_as_number = &proxy_as_number,
    .tp_as_sequence = &proxy_as_sequence,
    .tp_as_mapping = &proxy_as_mapping,
    .tp_str = proxy_str,
    .tp_getattro = wf_object_generic_getattr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_MAPPING,
    .tp_richcompare = proxy_richcompare,
    .tp_iter = proxy_iter,
    .tp_methods = proxy_methods,
    .tp_new = proxy_tp_new,
    .wf = {.trace = proxy_trace},
};
