/* method: a function bound to an instance (obj.f).  Calling it prepends
 * __self__ to the arguments; other attributes are forwarded to __func__. */
#include <stdlib.h>
#include <string.h>

#include "descr.h"
#include "dict.h"
#include "errors.h"
#include "int.h"
#include "funcobject.h"
#include "modules.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"
#include "wf_hash.h"

#define M(o) ((wf_method *)(o))

static PyObject *method_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames) {
  wf_method *m = M(callable);
  PyObject *func = m->im_func, *self = m->im_self;
  Py_ssize_t nargs = wf_vectorcall_nargs(nargsf);
  Py_ssize_t total = nargs + (kwnames ? WF_SIZE(kwnames) : 0);
  if (nargsf & WF_VECTORCALL_ARGUMENTS_OFFSET) {
    /* The caller lent us args[-1]: put self there, restore it afterwards. */
    PyObject **slot = (PyObject **)args - 1;
    PyObject *saved = *slot;
    *slot = self;
    PyObject *r = wf_call(func, slot, (size_t)(nargs + 1), kwnames);
    *slot = saved;
    return r;
  }
  PyObject *small[8];
  PyObject **buf = total + 1 <= 8 ? small : malloc(sizeof(PyObject *) * (size_t)(total + 1));
  buf[0] = self;
  if (total) memcpy(buf + 1, args, sizeof(PyObject *) * (size_t)total);
  PyObject *r = wf_call(func, buf, (size_t)(nargs + 1), kwnames);
  if (buf != small) free(buf);
  return r;
}

PyObject *wf_method_new(PyObject *func, PyObject *self) {
  if (!self) return wf_err_bad_internal_call("wf_method_new");
  wf_method *m = (wf_method *)wf_object_alloc(&wf_method_type, sizeof(wf_method));
  WF_GC_STORE(&m->im_func, func);
  WF_GC_STORE(&m->im_self, self);
  m->vectorcall = method_vectorcall;
  return (PyObject *)m;
}

static void method_trace(void *o, wf_gc_tracer *t) {
  wf_method *m = o;
  wf_gc_visit(t, m->im_func);
  wf_gc_visit(t, m->im_self);
  wf_gc_visit(t, m->im_weakreflist);
}

static PyObject *method_repr(PyObject *self) {
  wf_method *m = M(self);
  WF_GC_ROOT(self);
  PyObject *name = NULL;
  WF_GC_ROOT(name);
  if (wf_object_lookup_attr(m->im_func, WF_ID(__qualname__), &name) < 0) return NULL;
  if (!name && wf_object_lookup_attr(m->im_func, WF_ID(__name__), &name) < 0) return NULL;
  if (name && !wf_str_check(name)) name = NULL;
  if (!name) name = wf_str_from_cstr("?");
  return wf_str_from_format("<bound method %U of %R>", name, m->im_self);
}

static PyObject *method_richcompare(PyObject *a, PyObject *b, int op) {
  if ((op != Py_EQ && op != Py_NE) || !wf_method_check(a) || !wf_method_check(b)) return WF_NOTIMPLEMENTED;
  int eq = M(a)->im_self == M(b)->im_self;
  if (eq) {
    eq = wf_object_richcompare_bool(M(a)->im_func, M(b)->im_func, Py_EQ);
    if (eq < 0) return NULL;
  }
  return wf_bool_from(op == Py_EQ ? eq : !eq);
}

static Py_hash_t method_hash(PyObject *self) {
  Py_hash_t x = wf_hash_pointer(M(self)->im_self);
  Py_hash_t y = wf_object_hash(M(self)->im_func);
  if (y == -1) return -1;
  x ^= y;
  return x == -1 ? -2 : x;
}

/* Attributes of the method type itself first, then the function's. */
static PyObject *method_getattro(PyObject *self, PyObject *name) {
  if (!wf_str_check(name))
    return wf_err_format(&wf_TypeError_type, "attribute name must be string, not '%.200s'", WF_TYPE(name)->tp_name);
  PyObject *descr = wf_type_lookup(WF_TYPE(self), name);
  if (descr) {
    descrgetfunc f = WF_TYPE(descr)->tp_descr_get;
    if (f) return f(descr, self, (PyObject *)WF_TYPE(self));
    return descr;
  }
  return wf_object_getattr(M(self)->im_func, name);
}

static PyObject *method_get_doc(PyObject *self, void *c) {
  return wf_object_getattr(M(self)->im_func, WF_ID(__doc__));
}

static PyObject *method_reduce(PyObject *self, PyObject *unused) {
  WF_GC_ROOT(self);
  PyObject *getattr_fn = wf_dict_getitem_cstr(wf_builtins_dict(), "getattr");
  if (!getattr_fn) return wf_err_set_string(&wf_RuntimeError_type, "builtins.getattr is missing");
  WF_GC_ROOT(getattr_fn);
  PyObject *name = wf_object_getattr(M(self)->im_func, WF_ID(__name__));
  if (!name) return NULL;
  PyObject *args = wf_tuple_pack(2, M(self)->im_self, name);
  return wf_tuple_pack(2, getattr_fn, args);
}

static PyObject *method_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  (void)type;
  if (kwds && wf_dict_size(kwds) > 0) return wf_err_set_string(&wf_TypeError_type, "method() takes no keyword arguments");
  if (wf_arg_check_positional("method", WF_SIZE(args), 2, 2) < 0) return NULL;
  PyObject *func = WF_TUPLE_GET(args, 0), *self = WF_TUPLE_GET(args, 1);
  if (!wf_callable(func)) return wf_err_set_string(&wf_TypeError_type, "first argument must be callable");
  if (self == WF_NONE) return wf_err_set_string(&wf_TypeError_type, "instance must not be None");
  return wf_method_new(func, self);
}

static PyMethodDef method_methods[] = {
    {"__reduce__", (PyCFunction)method_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef method_members[] = {
    {"__func__", T_OBJECT, offsetof(wf_method, im_func), READONLY, "the function (or other callable) implementing a method"},
    {"__self__", T_OBJECT, offsetof(wf_method, im_self), READONLY, "the instance to which a method is bound"},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef method_getsets[] = {
    {"__doc__", method_get_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject wf_method_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "method",
    .tp_basicsize = sizeof(wf_method),
    .tp_vectorcall_offset = offsetof(wf_method, vectorcall),
    .tp_repr = method_repr,
    .tp_hash = method_hash,
    .tp_call = wf_vectorcall_call,
    .tp_getattro = method_getattro,
    .tp_setattro = wf_object_generic_setattr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "Create a bound instance method object.",
    .tp_richcompare = method_richcompare,
    .tp_weaklistoffset = offsetof(wf_method, im_weakreflist),
    .tp_methods = method_methods,
    .tp_members = method_members,
    .tp_getset = method_getsets,
    .tp_new = method_tp_new,
    .wf = {.trace = method_trace},
};
WF_REGISTER_TYPE(wf_method_type);
