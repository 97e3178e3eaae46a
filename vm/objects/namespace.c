/* types.SimpleNamespace: an object whose attributes are its keyword
 * arguments (sys.implementation is one). */
#include <string.h>

#include "descr.h"
#include "dict.h"
#include "errors.h"
#include "funcobject.h"
#include "int.h"
#include "list.h"
#include "module.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"

typedef struct {
  PyObject ob_base;
  PyObject *dict;
} wf_namespace;

extern PyTypeObject wf_namespace_type;
#define NS(o) ((wf_namespace *)(o))

static void namespace_trace(void *o, wf_gc_tracer *t) { wf_gc_visit(t, NS(o)->dict); }

static PyObject *namespace_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  allocfunc a = type->tp_alloc ? type->tp_alloc : wf_type_generic_alloc;
  PyObject *o = a(type, 0);
  if (!o) return NULL;
  WF_GC_ROOT(o);
  PyObject *d = wf_dict_new();
  WF_GC_STORE(&NS(o)->dict, d);
  return o;
}

static int namespace_init(PyObject *self, PyObject *args, PyObject *kwds) {
  if (WF_SIZE(args) != 0) {
    wf_err_set_string(&wf_TypeError_type, "no positional arguments expected");
    return -1;
  }
  if (!kwds) return 0;
  Py_ssize_t pos = 0;
  PyObject *k, *v;
  while (wf_dict_next(kwds, &pos, &k, &v))
    if (!wf_str_check(k)) {
      wf_err_set_string(&wf_TypeError_type, "keywords must be strings");
      return -1;
    }
  return wf_dict_update(wf_object_get_dict(self), kwds);
}

PyObject *wf_namespace_new(PyObject *kwds) {
  WF_GC_ROOT(kwds);
  PyObject *o = namespace_tp_new(&wf_namespace_type, NULL, NULL);
  if (!o) return NULL;
  WF_GC_ROOT(o);
  if (kwds && wf_dict_update(NS(o)->dict, kwds) < 0) return NULL;
  return o;
}

static PyObject *namespace_repr(PyObject *self) {
  const char *name = WF_TYPE(self) == &wf_namespace_type ? "namespace" : WF_TYPE(self)->tp_name;
  int r = wf_repr_enter(self);
  if (r < 0) return NULL;
  if (r > 0) return wf_str_from_format("%s(...)", name);
  WF_GC_ROOT(self);
  PyObject *d = wf_object_get_dict(self);
  WF_GC_ROOT(d);
  PyObject *keys = wf_dict_keys_list(d);
  WF_GC_ROOT(keys);
  wf_strbuf b;
  wf_strbuf_init(&b, 64);
  wf_strbuf_put_utf8(&b, name, (Py_ssize_t)strlen(name));
  wf_strbuf_putc(&b, '(');
  bool first = true;
  for (Py_ssize_t i = 0; keys && i < wf_list_size(keys); i++) {
    PyObject *k = wf_list_get(keys, i);
    if (!wf_str_check(k)) continue;
    PyObject *v = wf_dict_getitem(d, k);
    if (!v) continue;
    PyObject *vr = wf_object_repr(v);
    if (!vr) {
      wf_strbuf_free(&b);
      wf_repr_leave(self);
      return NULL;
    }
    if (!first) wf_strbuf_put_cstr(&b, ", ");
    first = false;
    wf_strbuf_put_str(&b, k);
    wf_strbuf_putc(&b, '=');
    wf_strbuf_put_str(&b, vr);
  }
  wf_strbuf_putc(&b, ')');
  wf_repr_leave(self);
  if (!keys) {
    wf_strbuf_free(&b);
    return NULL;
  }
  return wf_strbuf_finish(&b);
}

static PyObject *namespace_richcompare(PyObject *a, PyObject *b, int op) {
  if (!wf_object_type_check(a, &wf_namespace_type) || !wf_object_type_check(b, &wf_namespace_type) ||
      (op != Py_EQ && op != Py_NE))
    return WF_NOTIMPLEMENTED;
  WF_GC_ROOT(b);
  PyObject *da = wf_object_get_dict(a);
  WF_GC_ROOT(da);
  PyObject *db = wf_object_get_dict(b);
  return wf_object_richcompare(da, db, op);
}

static PyObject *m_reduce(PyObject *self, PyObject *unused) {
  PyObject *d = wf_object_get_dict(self);
  return wf_tuple_pack(3, (PyObject *)WF_TYPE(self), wf_tuple_new(0), d);
}

static PyMethodDef namespace_methods[] = {
    {"__reduce__", (PyCFunction)m_reduce, METH_NOARGS, "Return state information for pickling"},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef namespace_members[] = {
    {"__dict__", T_OBJECT, offsetof(wf_namespace, dict), READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

PyTypeObject wf_namespace_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "types.SimpleNamespace",
    .tp_basicsize = sizeof(wf_namespace),
    .tp_repr = namespace_repr,
    .tp_hash = wf_object_hash_not_implemented,
    .tp_getattro = wf_object_generic_getattr,
    .tp_setattro = wf_object_generic_setattr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "A simple attribute-based namespace.\n\nSimpleNamespace(**kwargs)",
    .tp_richcompare = namespace_richcompare,
    .tp_methods = namespace_methods,
    .tp_members = namespace_members,
    .tp_dictoffset = offsetof(wf_namespace, dict),
    .tp_init = namespace_init,
    .tp_new = namespace_tp_new,
    .wf = {.trace = namespace_trace},
};
WF_REGISTER_TYPE(wf_namespace_type);
