/* getset_descriptor (C getter/setter pairs: type.__name__) and
 * member_descriptor (fields at an offset: __slots__, slice.start). */
#include <stdio.h>
#include <stdlib.h>

#include "int.h"
#include "runtime.h"
#include "vmthread.h"
#include <string.h>

#include "descr.h"
#include "errors.h"
#include "exceptions.h"
#include "floatobject.h"
#include "int.h"
#include "protocol.h"
#include "str.h"

static const char *short_name(PyTypeObject *t) {
  const char *s = strrchr(t->tp_name, '.');
  return s ? s + 1 : t->tp_name;
}

static void descr_trace(void *o, wf_gc_tracer *t) {
  wf_descr_common *d = o;
  wf_gc_visit(t, d->d_type);
  wf_gc_visit(t, d->d_name);
  wf_gc_visit(t, d->d_qualname);
}

static int check(wf_descr_common *d, PyObject *obj) {
  if (!wf_object_type_check(obj, d->d_type)) {
    wf_err_format(&wf_TypeError_type, "descriptor '%U' for '%.100s' objects doesn't apply to a '%.100s' object",
                  d->d_name, short_name(d->d_type), WF_TYPE(obj)->tp_name);
    return -1;
  }
  return 0;
}

static PyObject *new_descr(PyTypeObject *dtype, size_t size, PyTypeObject *type, const char *name) {
  wf_descr_common *d = (wf_descr_common *)wf_object_alloc(dtype, size);
  WF_GC_STORE(&d->d_type, type);
  WF_GC_ROOT(d);
  PyObject *n = wf_str_intern_cstr(name);
  WF_GC_STORE(&d->d_name, n);
  return (PyObject *)d;
}

static PyObject *descr_get_name(PyObject *self, void *c) { return ((wf_descr_common *)self)->d_name; }
static PyObject *descr_get_qualname(PyObject *self, void *c) {
  wf_descr_common *d = (wf_descr_common *)self;
  return wf_str_from_format("%U.%U", wf_type_qualname(d->d_type), d->d_name);
}
static PyObject *descr_get_objclass(PyObject *self, void *c) { return (PyObject *)((wf_descr_common *)self)->d_type; }

/* ---- getset_descriptor ---- */

PyObject *wf_descr_new_getset(PyTypeObject *type, PyGetSetDef *def) {
  wf_getset_descr *d = (wf_getset_descr *)new_descr(&wf_getset_descr_type, sizeof(wf_getset_descr), type, def->name);
  d->d_getset = def;
  return (PyObject *)d;
}

static PyObject *getset_get(PyObject *self, PyObject *obj, PyObject *type) {
  wf_getset_descr *d = (wf_getset_descr *)self;
  if (!obj) return self;
  if (check((wf_descr_common *)d, obj) < 0) return NULL;
  if (!d->d_getset->get)
    return wf_err_format(&wf_AttributeError_type, "attribute '%U' of '%.100s' objects is not readable", d->d_name,
                         short_name(d->d_type));
  return d->d_getset->get(obj, d->d_getset->closure);
}

static int getset_set(PyObject *self, PyObject *obj, PyObject *value) {
  wf_getset_descr *d = (wf_getset_descr *)self;
  if (check((wf_descr_common *)d, obj) < 0) return -1;
  if (!d->d_getset->set) {
    wf_err_format(&wf_AttributeError_type, "attribute '%U' of '%.100s' objects is not writable", d->d_name,
                  short_name(d->d_type));
    return -1;
  }
  return d->d_getset->set(obj, value, d->d_getset->closure);
}

static PyObject *getset_repr(PyObject *self) {
  wf_descr_common *d = (wf_descr_common *)self;
  return wf_str_from_format("<attribute '%U' of '%s' objects>", d->d_name, short_name(d->d_type));
}

static PyObject *getset_get_doc(PyObject *self, void *c) {
  PyGetSetDef *g = ((wf_getset_descr *)self)->d_getset;
  return g->doc ? wf_str_from_cstr(g->doc) : WF_NONE;
}

static PyGetSetDef getset_getsets[] = {{"__doc__", getset_get_doc, NULL, NULL, NULL},
                                       {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
                                       {"__name__", descr_get_name, NULL, NULL, NULL},
                                       {"__objclass__", descr_get_objclass, NULL, NULL, NULL},
                                       {NULL, NULL, NULL, NULL, NULL}};

PyTypeObject wf_getset_descr_type = {
    .ob_base = {{0, &wf_type_type}, 0},
    .tp_name = "getset_descriptor",
    .tp_basicsize = sizeof(wf_getset_descr),
    .tp_repr = getset_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_getset = getset_getsets,
    .tp_descr_get = getset_get,
    .tp_descr_set = getset_set,
    .wf = {.trace = descr_trace},
};

/* ---- member_descriptor ---- */

PyObject *wf_descr_new_member(PyTypeObject *type, PyMemberDef *def) {
  wf_member_descr *d = (wf_member_descr *)new_descr(&wf_member_descr_type, sizeof(wf_member_descr), type, def->name);
  d->d_member = def;
  return (PyObject *)d;
}

static PyObject *member_get(PyObject *self, PyObject *obj, PyObject *type) {
  wf_member_descr *d = (wf_member_descr *)self;
  if (!obj) return self;
  if (check((wf_descr_common *)d, obj) < 0) return NULL;
  char *p = (char *)obj + d->d_member->offset;
  switch (d->d_member->type) {
  case T_OBJECT: {
    PyObject *v = WF_GC_LOAD((PyObject **)p);
    return v ? v : WF_NONE;
  }
  case T_OBJECT_EX: {
    PyObject *v = WF_GC_LOAD((PyObject **)p);
    if (!v)
      return wf_err_format(&wf_AttributeError_type, "'%.200s' object has no attribute '%s'", WF_TYPE(obj)->tp_name,
                           d->d_member->name);
    return v;
  }
  case T_PYSSIZET: return wf_int_from_ssize(*(Py_ssize_t *)p);
  case T_LONG: return wf_int_from_int64(*(long *)p);
  case T_ULONG: return wf_int_from_uint64(*(unsigned long *)p);
  case T_INT: return wf_int_from_int64(*(int *)p);
  case T_UINT: return wf_int_from_uint64(*(unsigned int *)p);
  case T_SHORT: return wf_int_from_int64(*(short *)p);
  case T_USHORT: return wf_int_from_uint64(*(unsigned short *)p);
  case T_BYTE: return wf_int_from_int64(*(signed char *)p);
  case T_UBYTE: return wf_int_from_uint64(*(unsigned char *)p);
  case T_LONGLONG: return wf_int_from_int64(*(long long *)p);
  case T_ULONGLONG: return wf_int_from_uint64(*(unsigned long long *)p);
  case T_BOOL: return wf_bool_from(*(char *)p != 0);
  case T_DOUBLE: return wf_float_from_double(*(double *)p);
  case T_FLOAT: return wf_float_from_double(*(float *)p);
  case T_STRING: {
    const char *s = *(const char **)p;
    return s ? wf_str_from_cstr(s) : WF_NONE;
  }
  case T_NONE: return WF_NONE;
  default:
    return wf_err_format(&wf_NotImplementedError_type, "member type %d is not supported by Weft yet",
                         d->d_member->type);
  }
}

static int member_set(PyObject *self, PyObject *obj, PyObject *value) {
  wf_member_descr *d = (wf_member_descr *)self;
  if (check((wf_descr_common *)d, obj) < 0) return -1;
  if (d->d_member->flags & READONLY) {
    wf_err_set_string(&wf_AttributeError_type, "readonly attribute");
    return -1;
  }
  char *p = (char *)obj + d->d_member->offset;
  switch (d->d_member->type) {
  case T_OBJECT_EX:
    if (!value && !WF_GC_LOAD((PyObject **)p)) {
      wf_err_set_object(&wf_AttributeError_type, d->d_name);
      return -1;
    }
    /* fall through */
  case T_OBJECT:
    WF_GC_STORE((PyObject **)p, value);
    return 0;
  default:
    if (!value) {
      wf_err_set_string(&wf_TypeError_type, "can't delete numeric/char attribute");
      return -1;
    }
    break;
  }
  switch (d->d_member->type) {
  case T_BOOL:
    if (!wf_object_type_check(value, &wf_bool_type)) {
      wf_err_set_string(&wf_TypeError_type, "attribute value type must be bool");
      return -1;
    }
    *(char *)p = value == WF_TRUE;
    return 0;
  case T_PYSSIZET: {
    Py_ssize_t v = wf_number_as_ssize_t(value, &wf_OverflowError_type);
    if (v == -1 && wf_err_occurred()) return -1;
    *(Py_ssize_t *)p = v;
    return 0;
  }
  case T_INT: {
    Py_ssize_t v = wf_number_as_ssize_t(value, &wf_OverflowError_type);
    if (v == -1 && wf_err_occurred()) return -1;
    *(int *)p = (int)v;
    return 0;
  }
  case T_DOUBLE: {
    double v = wf_float_as_double(value);
    if (v == -1.0 && wf_err_occurred()) return -1;
    *(double *)p = v;
    return 0;
  }
  default:
    wf_err_format(&wf_NotImplementedError_type, "setting member type %d is not supported by Weft yet",
                  d->d_member->type);
    return -1;
  }
}

static PyObject *member_repr(PyObject *self) {
  wf_descr_common *d = (wf_descr_common *)self;
  return wf_str_from_format("<member '%U' of '%s' objects>", d->d_name, short_name(d->d_type));
}

static PyObject *member_get_doc(PyObject *self, void *c) {
  PyMemberDef *m = ((wf_member_descr *)self)->d_member;
  return m->doc ? wf_str_from_cstr(m->doc) : WF_NONE;
}

static PyGetSetDef member_getsets[] = {{"__doc__", member_get_doc, NULL, NULL, NULL},
                                       {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
                                       {"__name__", descr_get_name, NULL, NULL, NULL},
                                       {"__objclass__", descr_get_objclass, NULL, NULL, NULL},
                                       {NULL, NULL, NULL, NULL, NULL}};

PyTypeObject wf_member_descr_type = {
    .ob_base = {{0, &wf_type_type}, 0},
    .tp_name = "member_descriptor",
    .tp_basicsize = sizeof(wf_member_descr),
    .tp_repr = member_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_getset = member_getsets,
    .tp_descr_get = member_get,
    .tp_descr_set = member_set,
    .wf = {.trace = descr_trace},
};
