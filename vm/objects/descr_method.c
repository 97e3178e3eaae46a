/* C functions seen from Python: method_descriptor (list.append),
 * classmethod_descriptor (dict.fromkeys), builtin_function_or_method (len,
 * [].append bound to its list), and the calling conventions of PyMethodDef
 * (METH_NOARGS, METH_O, METH_VARARGS[|KEYWORDS], METH_FASTCALL[|KEYWORDS]).
 * All are immutable after creation; calls go through vectorcall. */
#include <stdio.h>
#include <stdlib.h>

#include "int.h"
#include "runtime.h"
#include "vmthread.h"
#include <stdio.h>
#include <string.h>

#include "descr.h"
#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "protocol.h"
#include "str.h"
#include "tuple.h"
#include "wf_hash.h"

PyTypeObject *wf_descr_objclass(PyObject *descr) { return ((wf_descr_common *)descr)->d_type; }

static const char *short_name(PyTypeObject *t) {
  const char *s = strrchr(t->tp_name, '.');
  return s ? s + 1 : t->tp_name;
}

PyObject *wf_vectorcall_call(PyObject *callable, PyObject *args, PyObject *kwds) {
  return wf_call_tuple_dict(callable, args, kwds);
}

/* ---- Calling a PyMethodDef ---------------------------------------------------- */

static PyObject *kw_dict(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  if (!kwnames || !WF_SIZE(kwnames)) return NULL;
  PyObject *d = wf_dict_new();
  for (Py_ssize_t i = 0; i < WF_SIZE(kwnames); i++)
    if (wf_dict_setitem(d, WF_TUPLE_GET(kwnames, i), args[nargs + i]) < 0) return NULL;
  return d;
}

/* prefix_type: the prefix is its short name (computed only for an error message) */
static PyObject *call_def(PyMethodDef *def, PyTypeObject *prefix_type, const char *prefix, PyObject *self,
                          PyObject *const *args, size_t nargsf, PyObject *kwnames) {
  Py_ssize_t nargs = wf_vectorcall_nargs(nargsf);
  bool has_kw = kwnames && WF_SIZE(kwnames) > 0;
  /* the qualified name is only needed for error messages: format it lazily */
  char name[200];
#define WF_CDEF_NAME()                                                   \
  (prefix_type && (prefix = short_name(prefix_type)), prefix ? (snprintf(name, sizeof name, "%s.%s", prefix, def->ml_name), \
             name)                                                       \
          : def->ml_name)
  int flags = def->ml_flags & ~(METH_CLASS | METH_STATIC | METH_COEXIST);
  if (has_kw && !(flags & METH_KEYWORDS))
    return wf_err_format(&wf_TypeError_type, "%s() takes no keyword arguments", WF_CDEF_NAME());
  PyObject *r;
  if (wf_enter_recursive(" while calling a Python object") < 0) return NULL;
  switch (flags) {
  case METH_NOARGS:
    if (nargs != 0) {
      r = wf_err_format(&wf_TypeError_type, "%s() takes no arguments (%zd given)", WF_CDEF_NAME(), nargs);
      break;
    }
    r = wf_cdef_call_simple(def, flags, self, args, nargs, NULL);
    break;
  case METH_O:
    if (nargs != 1) {
      r = wf_err_format(&wf_TypeError_type, "%s() takes exactly one argument (%zd given)", WF_CDEF_NAME(), nargs);
      break;
    }
    r = wf_cdef_call_simple(def, flags, self, args, nargs, NULL);
    break;
  case METH_VARARGS:
  case METH_VARARGS | METH_KEYWORDS: {
    PyObject *t = wf_tuple_from_array(args, nargs);
    WF_GC_ROOT(t);
    PyObject *kw = kw_dict(args, nargs, kwnames);
    if (has_kw && !kw) {
      r = NULL;
      break;
    }
    if (flags & METH_KEYWORDS)
      r = ((PyCFunctionWithKeywords)(void (*)(void))def->ml_meth)(self, t, kw);
    else
      r = def->ml_meth(self, t);
    break;
  }
  case METH_FASTCALL:
  case METH_FASTCALL | METH_KEYWORDS:
    r = wf_cdef_call_simple(def, flags, self, args, nargs, has_kw ? kwnames : NULL);
    break;
  default:
    r = wf_err_format(&wf_NotImplementedError_type, "calling convention 0x%x of %s() is not supported by Weft yet",
                      def->ml_flags, WF_CDEF_NAME());
    break;
  }
  wf_leave_recursive();
  if (!r && !wf_err_occurred())
    return wf_err_format(&wf_SystemError_type, "<built-in method %s> returned NULL without setting an exception",
                         def->ml_name);
  return r;
#undef WF_CDEF_NAME
}

PyObject *wf_cfunction_call_def(PyMethodDef *def, const char *prefix, PyObject *self, PyObject *const *args,
                                size_t nargsf, PyObject *kwnames) {
  return call_def(def, NULL, prefix, self, args, nargsf, kwnames);
}

/* ---- method_descriptor ------------------------------------------------------------ */

static PyObject *descr_new_common(PyTypeObject *dtype, size_t size, PyTypeObject *type, const char *name) {
  wf_descr_common *d = (wf_descr_common *)wf_object_alloc(dtype, size);
  WF_GC_STORE(&d->d_type, type);
  WF_GC_ROOT(d);
  PyObject *n = wf_str_intern_cstr(name);
  WF_GC_STORE(&d->d_name, n);
  return (PyObject *)d;
}

static void descr_trace(void *o, wf_gc_tracer *t) {
  wf_descr_common *d = o;
  wf_gc_visit(t, d->d_type);
  wf_gc_visit(t, d->d_name);
  wf_gc_visit(t, d->d_qualname);
}

static int descr_check(wf_descr_common *d, PyObject *obj) {
  if (!wf_object_type_check(obj, d->d_type)) {
    wf_err_format(&wf_TypeError_type, "descriptor '%U' for '%.100s' objects doesn't apply to a '%.100s' object",
                  d->d_name, short_name(d->d_type), WF_TYPE(obj)->tp_name);
    return -1;
  }
  return 0;
}

static PyObject *method_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames) {
  wf_method_descr *d = (wf_method_descr *)callable;
  Py_ssize_t nargs = wf_vectorcall_nargs(nargsf);
  if (nargs < 1)
    return wf_err_format(&wf_TypeError_type, "unbound method %s.%s() needs an argument", short_name(d->d_type),
                         d->d_method->ml_name);
  if (descr_check((wf_descr_common *)d, args[0]) < 0) return NULL;
  return call_def(d->d_method, d->d_type, NULL, args[0], args + 1, (size_t)(nargs - 1), kwnames);
}

PyObject *wf_descr_new_method(PyTypeObject *type, PyMethodDef *def) {
  wf_method_descr *d =
      (wf_method_descr *)descr_new_common(&wf_method_descr_type, sizeof(wf_method_descr), type, def->ml_name);
  d->d_method = def;
  d->vectorcall = method_vectorcall;
  return (PyObject *)d;
}

static PyObject *cfunction_new_full(PyMethodDef *def, PyObject *self, PyObject *module);

static PyObject *method_get(PyObject *self, PyObject *obj, PyObject *type) {
  wf_method_descr *d = (wf_method_descr *)self;
  if (!obj) return self;
  if (descr_check((wf_descr_common *)d, obj) < 0) return NULL;
  return cfunction_new_full(d->d_method, obj, NULL);
}

static PyObject *method_repr(PyObject *self) {
  wf_method_descr *d = (wf_method_descr *)self;
  return wf_str_from_format("<method '%U' of '%s' objects>", d->d_name, short_name(d->d_type));
}

static PyObject *descr_get_name(PyObject *self, void *c) { return ((wf_descr_common *)self)->d_name; }
static PyObject *descr_get_qualname(PyObject *self, void *c) {
  wf_descr_common *d = (wf_descr_common *)self;
  return wf_str_from_format("%U.%U", wf_type_qualname(d->d_type), d->d_name);
}
static PyObject *descr_get_objclass(PyObject *self, void *c) { return (PyObject *)((wf_descr_common *)self)->d_type; }
static PyObject *method_get_doc(PyObject *self, void *c) {
  PyMethodDef *m = ((wf_method_descr *)self)->d_method;
  return m->ml_doc ? wf_str_from_cstr(m->ml_doc) : WF_NONE;
}

static PyGetSetDef method_getsets[] = {{"__doc__", method_get_doc, NULL, NULL, NULL},
                                       {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
                                       {"__name__", descr_get_name, NULL, NULL, NULL},
                                       {"__objclass__", descr_get_objclass, NULL, NULL, NULL},
                                       {NULL, NULL, NULL, NULL, NULL}};

PyTypeObject wf_method_descr_type = {
    .ob_base = {{0, &wf_type_type}, 0},
    .tp_name = "method_descriptor",
    .tp_basicsize = sizeof(wf_method_descr),
    .tp_vectorcall_offset = offsetof(wf_method_descr, vectorcall),
    .tp_repr = method_repr,
    .tp_call = wf_vectorcall_call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_VECTORCALL | Py_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_getset = method_getsets,
    .tp_descr_get = method_get,
    .wf = {.trace = descr_trace},
};

/* ---- classmethod_descriptor ------------------------------------------------------------ */

static PyObject *classmethod_get(PyObject *self, PyObject *obj, PyObject *type) {
  wf_method_descr *d = (wf_method_descr *)self;
  if (!type) {
    if (!obj)
      return wf_err_format(&wf_TypeError_type, "descriptor '%U' for type '%.100s' needs either an object or a type",
                           d->d_name, short_name(d->d_type));
    type = (PyObject *)WF_TYPE(obj);
  }
  if (!wf_type_has_flag(WF_TYPE(type), Py_TPFLAGS_TYPE_SUBCLASS))
    return wf_err_format(&wf_TypeError_type, "descriptor '%U' for type '%.100s' needs a type, not a '%.100s' as arg 2",
                         d->d_name, short_name(d->d_type), WF_TYPE(type)->tp_name);
  if (!wf_type_is_subtype((PyTypeObject *)type, d->d_type))
    return wf_err_format(&wf_TypeError_type, "descriptor '%U' requires a subtype of '%.100s' but received '%.100s'",
                         d->d_name, short_name(d->d_type), ((PyTypeObject *)type)->tp_name);
  return cfunction_new_full(d->d_method, type, NULL);
}

static PyObject *classmethod_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames) {
  wf_method_descr *d = (wf_method_descr *)callable;
  Py_ssize_t nargs = wf_vectorcall_nargs(nargsf);
  if (nargs < 1)
    return wf_err_format(&wf_TypeError_type, "descriptor '%U' of '%.100s' object needs an argument", d->d_name,
                         short_name(d->d_type));
  PyObject *bound = classmethod_get(callable, NULL, args[0]);
  if (!bound) return NULL;
  return wf_call(bound, args + 1, (size_t)(nargs - 1), kwnames);
}

PyObject *wf_descr_new_classmethod(PyTypeObject *type, PyMethodDef *def) {
  wf_method_descr *d =
      (wf_method_descr *)descr_new_common(&wf_classmethod_descr_type, sizeof(wf_method_descr), type, def->ml_name);
  d->d_method = def;
  d->vectorcall = classmethod_vectorcall;
  return (PyObject *)d;
}

PyTypeObject wf_classmethod_descr_type = {
    .ob_base = {{0, &wf_type_type}, 0},
    .tp_name = "classmethod_descriptor",
    .tp_basicsize = sizeof(wf_method_descr),
    .tp_vectorcall_offset = offsetof(wf_method_descr, vectorcall),
    .tp_repr = method_repr,
    .tp_call = wf_vectorcall_call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_getset = method_getsets,
    .tp_descr_get = classmethod_get,
    .wf = {.trace = descr_trace},
};

/* ---- builtin_function_or_method ------------------------------------------------------------ */

/* The type whose short name prefixes f's name in messages, or NULL. */
static PyTypeObject *cfunction_prefix(wf_cfunction *f) {
  if (!f->m_self || f->m_module) return NULL;
  if (wf_type_has_flag(WF_TYPE(f->m_self), Py_TPFLAGS_TYPE_SUBCLASS)) return (PyTypeObject *)f->m_self;
  return WF_TYPE(f->m_self);
}

static PyObject *cfunction_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames) {
  wf_cfunction *f = (wf_cfunction *)callable;
  return call_def(f->m_ml, cfunction_prefix(f), NULL, f->m_self, args, nargsf, kwnames);
}

static PyObject *cfunction_new_full(PyMethodDef *def, PyObject *self, PyObject *module) {
  wf_cfunction *f = (wf_cfunction *)wf_object_alloc(&wf_builtin_function_type, sizeof(wf_cfunction));
  f->m_ml = def;
  WF_GC_STORE(&f->m_self, self);
  WF_GC_STORE(&f->m_module, module);
  f->vectorcall = cfunction_vectorcall;
  return (PyObject *)f;
}

PyObject *wf_cfunction_new(PyMethodDef *def, PyObject *self, PyObject *module_name) {
  return cfunction_new_full(def, self, module_name);
}

PyMethodDef *wf_cfunction_def(PyObject *o, PyObject **self) {
  wf_cfunction *f = (wf_cfunction *)o;
  if (self) *self = f->m_self;
  return f->m_ml;
}

static void cfunction_trace(void *o, wf_gc_tracer *t) {
  wf_cfunction *f = o;
  wf_gc_visit(t, f->m_self);
  wf_gc_visit(t, f->m_module);
}

static PyObject *cfunction_repr(PyObject *self) {
  wf_cfunction *f = (wf_cfunction *)self;
  if (!f->m_self || f->m_module) return wf_str_from_format("<built-in function %s>", f->m_ml->ml_name);
  return wf_str_from_format("<built-in method %s of %s object at %p>", f->m_ml->ml_name, WF_TYPE(f->m_self)->tp_name,
                            f->m_self);
}

static PyObject *cfunction_get_name(PyObject *self, void *c) {
  return wf_str_from_cstr(((wf_cfunction *)self)->m_ml->ml_name);
}
static PyObject *cfunction_get_qualname(PyObject *self, void *c) {
  wf_cfunction *f = (wf_cfunction *)self;
  PyTypeObject *pt = cfunction_prefix(f);
  const char *p = pt ? short_name(pt) : NULL;
  if (!p) return wf_str_from_cstr(f->m_ml->ml_name);
  return wf_str_from_format("%s.%s", p, f->m_ml->ml_name);
}
static PyObject *cfunction_get_self(PyObject *self, void *c) {
  wf_cfunction *f = (wf_cfunction *)self;
  return f->m_self ? f->m_self : WF_NONE;
}
static PyObject *cfunction_get_doc(PyObject *self, void *c) {
  PyMethodDef *m = ((wf_cfunction *)self)->m_ml;
  return m->ml_doc ? wf_str_from_cstr(m->ml_doc) : WF_NONE;
}
static PyObject *cfunction_get_module(PyObject *self, void *c) {
  wf_cfunction *f = (wf_cfunction *)self;
  return f->m_module ? f->m_module : WF_NONE;
}

static PyGetSetDef cfunction_getsets[] = {{"__doc__", cfunction_get_doc, NULL, NULL, NULL},
                                          {"__name__", cfunction_get_name, NULL, NULL, NULL},
                                          {"__qualname__", cfunction_get_qualname, NULL, NULL, NULL},
                                          {"__self__", cfunction_get_self, NULL, NULL, NULL},
                                          {"__module__", cfunction_get_module, NULL, NULL, NULL},
                                          {NULL, NULL, NULL, NULL, NULL}};

static PyObject *cfunction_richcompare(PyObject *a, PyObject *b, int op) {
  if ((op != Py_EQ && op != Py_NE) || WF_TYPE(b) != &wf_builtin_function_type) return WF_NOTIMPLEMENTED;
  wf_cfunction *x = (wf_cfunction *)a, *y = (wf_cfunction *)b;
  bool eq = x->m_self == y->m_self && x->m_ml->ml_meth == y->m_ml->ml_meth;
  return wf_bool_from(op == Py_EQ ? eq : !eq);
}

static Py_hash_t cfunction_hash(PyObject *self) {
  wf_cfunction *f = (wf_cfunction *)self;
  Py_hash_t x = wf_hash_pointer(f->m_self);
  Py_hash_t y = wf_hash_pointer((const void *)(uintptr_t)f->m_ml->ml_meth);
  x ^= y;
  return x == -1 ? -2 : x;
}

PyTypeObject wf_builtin_function_type = {
    .ob_base = {{0, &wf_type_type}, 0},
    .tp_name = "builtin_function_or_method",
    .tp_basicsize = sizeof(wf_cfunction),
    .tp_vectorcall_offset = offsetof(wf_cfunction, vectorcall),
    .tp_repr = cfunction_repr,
    .tp_hash = cfunction_hash,
    .tp_call = wf_vectorcall_call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_richcompare = cfunction_richcompare,
    .tp_getset = cfunction_getsets,
    .wf = {.trace = cfunction_trace},
};
