/* wrapper_descriptor (a C slot seen as a method: int.__add__) and
 * method-wrapper (the same bound to an instance: (1).__add__). */
#include <stdio.h>
#include <stdlib.h>

#include "int.h"
#include "runtime.h"
#include "vmthread.h"
#include <string.h>

#include "descr.h"
#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "protocol.h"
#include "str.h"
#include "tuple.h"
#include "wf_hash.h"

static const char *short_name(PyTypeObject *t) {
  const char *s = strrchr(t->tp_name, '.');
  return s ? s + 1 : t->tp_name;
}

void *wf_descr_wrapped(PyObject *o) { return ((wf_wrapper_descr *)o)->d_wrapped; }
wf_slotdef *wf_descr_slotdef(PyObject *o) { return ((wf_wrapper_descr *)o)->d_base; }

static void wrapper_trace(void *o, wf_gc_tracer *t) {
  wf_wrapper_descr *d = o;
  wf_gc_visit(t, d->d_type);
  wf_gc_visit(t, d->d_name);
  wf_gc_visit(t, d->d_qualname);
}

/* Call the slot with self and the rest as a tuple (+ kwargs). */
static PyObject *wrapper_raw_call(wf_wrapper_descr *d, PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                  PyObject *kwnames) {
  bool has_kw = kwnames && WF_SIZE(kwnames) > 0;
  if (has_kw && !(d->d_base->flags & WF_SLOT_KEYWORDS))
    return wf_err_format(&wf_TypeError_type, "wrapper %s() takes no keyword arguments", d->d_base->name);
  PyObject *t = wf_tuple_from_array(args, nargs);
  WF_GC_ROOT(t);
  PyObject *kw = NULL;
  if (has_kw) {
    kw = wf_dict_new();
    for (Py_ssize_t i = 0; i < WF_SIZE(kwnames); i++)
      if (wf_dict_setitem(kw, WF_TUPLE_GET(kwnames, i), args[nargs + i]) < 0) return NULL;
  }
  if (wf_enter_recursive(" while calling a Python object") < 0) return NULL;
  PyObject *r = d->d_base->wrapper(self, t, kw, d->d_wrapped, d->d_base);
  wf_leave_recursive();
  return r;
}

static PyObject *wrapper_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames) {
  wf_wrapper_descr *d = (wf_wrapper_descr *)callable;
  Py_ssize_t nargs = wf_vectorcall_nargs(nargsf);
  if (nargs < 1)
    return wf_err_format(&wf_TypeError_type, "descriptor '%U' of '%.100s' object needs an argument", d->d_name,
                         short_name(d->d_type));
  if (!wf_object_type_check(args[0], d->d_type))
    return wf_err_format(&wf_TypeError_type, "descriptor '%U' requires a '%.100s' object but received a '%.100s'",
                         d->d_name, short_name(d->d_type), WF_TYPE(args[0])->tp_name);
  return wrapper_raw_call(d, args[0], args + 1, nargs - 1, kwnames);
}

PyObject *wf_descr_new_wrapper(PyTypeObject *type, wf_slotdef *def, void *wrapped) {
  wf_wrapper_descr *d = (wf_wrapper_descr *)wf_object_alloc(&wf_wrapper_descr_type, sizeof(wf_wrapper_descr));
  WF_GC_STORE(&d->d_type, type);
  WF_GC_STORE(&d->d_name, def->name_str);
  d->d_base = def;
  d->d_wrapped = wrapped;
  d->vectorcall = wrapper_vectorcall;
  return (PyObject *)d;
}

static PyObject *method_wrapper_new(wf_wrapper_descr *d, PyObject *self) {
  wf_method_wrapper *w = (wf_method_wrapper *)wf_object_alloc(&wf_method_wrapper_type, sizeof(wf_method_wrapper));
  WF_GC_STORE(&w->descr, d);
  WF_GC_STORE(&w->self, self);
  return (PyObject *)w;
}

static PyObject *wrapper_get(PyObject *self, PyObject *obj, PyObject *type) {
  wf_wrapper_descr *d = (wf_wrapper_descr *)self;
  if (!obj) return self;
  if (!wf_object_type_check(obj, d->d_type))
    return wf_err_format(&wf_TypeError_type, "descriptor '%U' for '%.100s' objects doesn't apply to a '%.100s' object",
                         d->d_name, short_name(d->d_type), WF_TYPE(obj)->tp_name);
  return method_wrapper_new(d, obj);
}

static PyObject *wrapper_repr(PyObject *self) {
  wf_wrapper_descr *d = (wf_wrapper_descr *)self;
  return wf_str_from_format("<slot wrapper '%U' of '%s' objects>", d->d_name, short_name(d->d_type));
}

static PyObject *get_name(PyObject *self, void *c) { return ((wf_wrapper_descr *)self)->d_name; }
static PyObject *get_qualname(PyObject *self, void *c) {
  wf_wrapper_descr *d = (wf_wrapper_descr *)self;
  return wf_str_from_format("%U.%U", wf_type_qualname(d->d_type), d->d_name);
}
static PyObject *get_objclass(PyObject *self, void *c) { return (PyObject *)((wf_wrapper_descr *)self)->d_type; }
static PyObject *get_doc(PyObject *self, void *c) {
  const char *doc = ((wf_wrapper_descr *)self)->d_base->doc;
  return doc ? wf_str_from_cstr(doc) : WF_NONE;
}
static PyObject *get_text_signature(PyObject *self, void *c) { return WF_NONE; }

static PyGetSetDef wrapper_getsets[] = {{"__doc__", get_doc, NULL, NULL, NULL},
                                        {"__qualname__", get_qualname, NULL, NULL, NULL},
                                        {"__name__", get_name, NULL, NULL, NULL},
                                        {"__objclass__", get_objclass, NULL, NULL, NULL},
                                        {"__text_signature__", get_text_signature, NULL, NULL, NULL},
                                        {NULL, NULL, NULL, NULL, NULL}};

PyTypeObject wf_wrapper_descr_type = {
    .ob_base = {{0, &wf_type_type}, 0},
    .tp_name = "wrapper_descriptor",
    .tp_basicsize = sizeof(wf_wrapper_descr),
    .tp_vectorcall_offset = offsetof(wf_wrapper_descr, vectorcall),
    .tp_repr = wrapper_repr,
    .tp_call = wf_vectorcall_call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_VECTORCALL | Py_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_getset = wrapper_getsets,
    .tp_descr_get = wrapper_get,
    .wf = {.trace = wrapper_trace},
};

/* ---- method-wrapper ---- */

static void mw_trace(void *o, wf_gc_tracer *t) {
  wf_method_wrapper *w = o;
  wf_gc_visit(t, w->descr);
  wf_gc_visit(t, w->self);
}

static PyObject *mw_call(PyObject *self, PyObject *args, PyObject *kwds) {
  wf_method_wrapper *w = (wf_method_wrapper *)self;
  wf_wrapper_descr *d = w->descr;
  if (kwds && wf_dict_size(kwds) && !(d->d_base->flags & WF_SLOT_KEYWORDS))
    return wf_err_format(&wf_TypeError_type, "wrapper %s() takes no keyword arguments", d->d_base->name);
  if (wf_enter_recursive(" while calling a Python object") < 0) return NULL;
  PyObject *r = d->d_base->wrapper(w->self, args, kwds && wf_dict_size(kwds) ? kwds : NULL, d->d_wrapped, d->d_base);
  wf_leave_recursive();
  return r;
}

static PyObject *mw_repr(PyObject *self) {
  wf_method_wrapper *w = (wf_method_wrapper *)self;
  return wf_str_from_format("<method-wrapper '%U' of %s object at %p>", w->descr->d_name, WF_TYPE(w->self)->tp_name,
                            w->self);
}

static PyObject *mw_richcompare(PyObject *a, PyObject *b, int op) {
  if ((op != Py_EQ && op != Py_NE) || WF_TYPE(b) != &wf_method_wrapper_type) return WF_NOTIMPLEMENTED;
  wf_method_wrapper *x = (wf_method_wrapper *)a, *y = (wf_method_wrapper *)b;
  bool eq = x->descr == y->descr && x->self == y->self;
  return wf_bool_from(op == Py_EQ ? eq : !eq);
}

static Py_hash_t mw_hash(PyObject *self) {
  wf_method_wrapper *w = (wf_method_wrapper *)self;
  Py_hash_t x = wf_hash_pointer(w->self) ^ wf_hash_pointer(w->descr);
  return x == -1 ? -2 : x;
}

static PyObject *mw_get_self(PyObject *self, void *c) { return ((wf_method_wrapper *)self)->self; }
static PyObject *mw_get_name(PyObject *self, void *c) { return ((wf_method_wrapper *)self)->descr->d_name; }
static PyObject *mw_get_qualname(PyObject *self, void *c) {
  return get_qualname((PyObject *)((wf_method_wrapper *)self)->descr, c);
}
static PyObject *mw_get_objclass(PyObject *self, void *c) {
  return (PyObject *)((wf_method_wrapper *)self)->descr->d_type;
}
static PyObject *mw_get_doc(PyObject *self, void *c) { return get_doc((PyObject *)((wf_method_wrapper *)self)->descr, c); }

static PyGetSetDef mw_getsets[] = {{"__self__", mw_get_self, NULL, NULL, NULL},
                                   {"__name__", mw_get_name, NULL, NULL, NULL},
                                   {"__qualname__", mw_get_qualname, NULL, NULL, NULL},
                                   {"__objclass__", mw_get_objclass, NULL, NULL, NULL},
                                   {"__doc__", mw_get_doc, NULL, NULL, NULL},
                                   {"__text_signature__", get_text_signature, NULL, NULL, NULL},
                                   {NULL, NULL, NULL, NULL, NULL}};

PyTypeObject wf_method_wrapper_type = {
    .ob_base = {{0, &wf_type_type}, 0},
    .tp_name = "method-wrapper",
    .tp_basicsize = sizeof(wf_method_wrapper),
    .tp_repr = mw_repr,
    .tp_hash = mw_hash,
    .tp_call = mw_call,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_richcompare = mw_richcompare,
    .tp_getset = mw_getsets,
    .wf = {.trace = mw_trace},
};
