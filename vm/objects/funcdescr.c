/* staticmethod and classmethod: descriptors wrapping a callable.  As in
 * 3.10+, both copy __module__, __name__, __qualname__, __doc__ and
 * __annotations__ of the callable into their own __dict__ and expose it as
 * __wrapped__; staticmethod objects are callable. */
#include "descr.h"
#include "dict.h"
#include "errors.h"
#include "funcobject.h"
#include "int.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"

typedef struct {
  PyObject ob_base;
  PyObject *callable;
  PyObject *dict;
} wf_funcdescr;

#define D(o) ((wf_funcdescr *)(o))

static void funcdescr_trace(void *o, wf_gc_tracer *t) {
  wf_gc_visit(t, D(o)->callable);
  wf_gc_visit(t, D(o)->dict);
}

static PyObject *new_with(PyTypeObject *type, PyObject *callable) {
  wf_funcdescr *d = (wf_funcdescr *)wf_object_alloc(type, sizeof(wf_funcdescr));
  WF_GC_STORE(&d->callable, callable);
  return (PyObject *)d;
}

PyObject *wf_staticmethod_new(PyObject *callable) { return new_with(&wf_staticmethod_type, callable); }
PyObject *wf_classmethod_new(PyObject *callable) { return new_with(&wf_classmethod_type, callable); }

/* functools.wraps-like copy of the callable's identity into self.__dict__. */
static int copy_attrs(PyObject *self, PyObject *callable) {
  static const char *const names[] = {"__module__", "__name__", "__qualname__", "__doc__", "__annotations__", NULL};
  WF_GC_ROOT(self);
  WF_GC_ROOT(callable);
  for (int i = 0; names[i]; i++) {
    PyObject *v = NULL;
    WF_GC_ROOT(v);
    PyObject *name = wf_str_intern_cstr(names[i]);
    WF_GC_ROOT(name);
    int r = wf_object_lookup_attr(callable, name, &v);
    if (r < 0) return -1;
    if (r == 0) continue;
    PyObject *d = wf_object_get_dict(self);
    if (wf_dict_setitem(d, name, v) < 0) return -1;
  }
  return 0;
}

static int init_common(PyObject *self, PyObject *args, PyObject *kwds, const char *name) {
  if (kwds && wf_dict_size(kwds) > 0) {
    wf_err_format(&wf_TypeError_type, "%s() takes no keyword arguments", name);
    return -1;
  }
  if (wf_arg_check_positional(name, WF_SIZE(args), 1, 1) < 0) return -1;
  PyObject *callable = WF_TUPLE_GET(args, 0);
  WF_GC_STORE(&D(self)->callable, callable);
  return copy_attrs(self, callable);
}

static int staticmethod_init(PyObject *self, PyObject *args, PyObject *kwds) {
  return init_common(self, args, kwds, "staticmethod");
}
static int classmethod_init(PyObject *self, PyObject *args, PyObject *kwds) {
  return init_common(self, args, kwds, "classmethod");
}

static PyObject *staticmethod_get(PyObject *self, PyObject *obj, PyObject *type) {
  PyObject *c = WF_GC_LOAD(&D(self)->callable);
  if (!c) return wf_err_set_string(&wf_RuntimeError_type, "uninitialized staticmethod object");
  return c;
}

static PyObject *staticmethod_call(PyObject *self, PyObject *args, PyObject *kwds) {
  PyObject *c = WF_GC_LOAD(&D(self)->callable);
  if (!c) return wf_err_set_string(&wf_RuntimeError_type, "uninitialized staticmethod object");
  return wf_call_tuple_dict(c, args, kwds);
}

static PyObject *classmethod_get(PyObject *self, PyObject *obj, PyObject *type) {
  PyObject *c = WF_GC_LOAD(&D(self)->callable);
  if (!c) return wf_err_set_string(&wf_RuntimeError_type, "uninitialized classmethod object");
  if (!type) type = (PyObject *)WF_TYPE(obj);
  descrgetfunc g = WF_TYPE(c)->tp_descr_get;
  if (g) return g(c, type, type); /* classmethod over property & co, as 3.9-3.12 */
  return wf_method_new(c, type);
}

static PyObject *repr_common(PyObject *self, const char *name) {
  PyObject *c = WF_GC_LOAD(&D(self)->callable);
  if (!c) return wf_str_from_format("<%s(NULL)>", name);
  return wf_str_from_format("<%s(%R)>", name, c);
}
static PyObject *staticmethod_repr(PyObject *self) { return repr_common(self, "staticmethod"); }
static PyObject *classmethod_repr(PyObject *self) { return repr_common(self, "classmethod"); }

static PyObject *get_isabstract(PyObject *self, void *c) {
  PyObject *callable = WF_GC_LOAD(&D(self)->callable);
  if (!callable) return WF_FALSE;
  PyObject *v = NULL;
  int r = wf_object_lookup_attr(callable, WF_ID(__isabstractmethod__), &v);
  if (r < 0) return NULL;
  if (r == 0) return WF_FALSE;
  int t = wf_object_is_true(v);
  if (t < 0) return NULL;
  return wf_bool_from(t);
}

static PyObject *get_dict(PyObject *self, void *c) { return wf_object_get_dict(self); }

static PyGetSetDef funcdescr_getsets[] = {
    {"__isabstractmethod__", get_isabstract, NULL, NULL, NULL},
    {"__dict__", get_dict, wf_object_generic_set_dict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMemberDef funcdescr_members[] = {
    {"__func__", T_OBJECT, offsetof(wf_funcdescr, callable), READONLY, NULL},
    {"__wrapped__", T_OBJECT, offsetof(wf_funcdescr, callable), READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

PyTypeObject wf_staticmethod_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "staticmethod",
    .tp_basicsize = sizeof(wf_funcdescr),
    .tp_repr = staticmethod_repr,
    .tp_call = staticmethod_call,
    .tp_getattro = wf_object_generic_getattr,
    .tp_setattro = wf_object_generic_setattr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "staticmethod(function) -> method\n\nConvert a function to be a static method.",
    .tp_members = funcdescr_members,
    .tp_getset = funcdescr_getsets,
    .tp_descr_get = staticmethod_get,
    .tp_dictoffset = offsetof(wf_funcdescr, dict),
    .tp_init = staticmethod_init,
    .tp_new = wf_type_generic_new,
    .wf = {.trace = funcdescr_trace},
};
WF_REGISTER_TYPE(wf_staticmethod_type);

PyTypeObject wf_classmethod_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "classmethod",
    .tp_basicsize = sizeof(wf_funcdescr),
    .tp_repr = classmethod_repr,
    .tp_getattro = wf_object_generic_getattr,
    .tp_setattro = wf_object_generic_setattr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "classmethod(function) -> method\n\nConvert a function to be a class method.",
    .tp_members = funcdescr_members,
    .tp_getset = funcdescr_getsets,
    .tp_descr_get = classmethod_get,
    .tp_dictoffset = offsetof(wf_funcdescr, dict),
    .tp_init = classmethod_init,
    .tp_new = wf_type_generic_new,
    .wf = {.trace = funcdescr_trace},
};
WF_REGISTER_TYPE(wf_classmethod_type);
