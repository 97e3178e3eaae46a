/* module: a namespace object (md_dict) with CPython 3.11's layout, PEP 562
 * module __getattr__/__dir__, and importlib's repr rules. */
#include <string.h>

#include "descr.h"
#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "funcobject.h"
#include "int.h"
#include "list.h"
#include "module.h"
#include "modules.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"

#define MOD(o) ((wf_module *)(o))

static void module_trace(void *o, wf_gc_tracer *t) {
  wf_module *m = o;
  wf_gc_visit(t, m->md_dict);
  wf_gc_visit(t, m->md_weaklist);
  wf_gc_visit(t, m->md_name);
}

static int init_dict(PyObject *dict, PyObject *name, PyObject *doc) {
  if (wf_dict_setitem(dict, WF_ID(__name__), name) < 0) return -1;
  if (wf_dict_setitem(dict, WF_ID(__doc__), doc ? doc : WF_NONE) < 0) return -1;
  if (wf_dict_setitem(dict, WF_ID(__package__), WF_NONE) < 0) return -1;
  if (wf_dict_setitem(dict, WF_ID(__loader__), WF_NONE) < 0) return -1;
  if (wf_dict_setitem(dict, WF_ID(__spec__), WF_NONE) < 0) return -1;
  return 0;
}

static PyObject *alloc_module(PyTypeObject *type) {
  allocfunc a = type->tp_alloc ? type->tp_alloc : wf_type_generic_alloc;
  PyObject *m = a(type, 0);
  if (!m) return NULL;
  WF_GC_ROOT(m);
  PyObject *d = wf_dict_new();
  WF_GC_STORE(&MOD(m)->md_dict, d);
  return m;
}

PyObject *wf_module_new(PyObject *name) {
  WF_GC_ROOT(name);
  PyObject *m = alloc_module(&wf_module_type);
  WF_GC_ROOT(m);
  if (init_dict(MOD(m)->md_dict, name, NULL) < 0) return NULL;
  WF_GC_STORE(&MOD(m)->md_name, name);
  return m;
}

PyObject *wf_module_new_cstr(const char *name) {
  PyObject *n = wf_str_from_cstr(name);
  if (!n) return NULL;
  return wf_module_new(n);
}

PyObject *wf_module_get_dict(PyObject *m) { return MOD(m)->md_dict; }

int wf_module_add(PyObject *m, const char *name, PyObject *value) {
  WF_GC_ROOT(m);
  WF_GC_ROOT(value);
  PyObject *k = wf_str_intern_cstr(name);
  return wf_dict_setitem(MOD(m)->md_dict, k, value);
}

int wf_module_add_functions(PyObject *m, PyMethodDef *defs) {
  WF_GC_ROOT(m);
  PyObject *modname = wf_dict_getitem(MOD(m)->md_dict, WF_ID(__name__));
  WF_GC_ROOT(modname);
  for (PyMethodDef *d = defs; d->ml_name; d++) {
    PyObject *f = wf_cfunction_new(d, m, modname);
    if (!f || wf_module_add(m, d->ml_name, f) < 0) return -1;
  }
  return 0;
}

/* ---- Slots -------------------------------------------------------------------------- */

static PyObject *module_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds) { return alloc_module(type); }

static int module_init(PyObject *self, PyObject *args, PyObject *kwds) {
  static const char *const names[] = {"name", "doc", NULL};
  PyObject *a[2];
  if (wf_arg_unpack_tuple_dict("module", args, kwds, names, 1, a) < 0) return -1;
  if (!wf_str_check(a[0])) {
    wf_err_format(&wf_TypeError_type, "module() argument 'name' must be str, not %.200s", WF_TYPE(a[0])->tp_name);
    return -1;
  }
  PyObject *dict = MOD(self)->md_dict;
  if (!dict) {
    dict = wf_dict_new();
    WF_GC_STORE(&MOD(self)->md_dict, dict);
  }
  if (init_dict(dict, a[0], a[1]) < 0) return -1;
  WF_GC_STORE(&MOD(self)->md_name, a[0]);
  return 0;
}

/* Is spec._initializing true (a module being imported)? Never fails. */
static bool spec_initializing(PyObject *spec) {
  if (!spec || spec == WF_NONE) return false;
  PyObject *v = NULL;
  WF_GC_ROOT(v);
  if (wf_object_lookup_attr(spec, WF_ID(_initializing), &v) <= 0) {
    wf_err_clear();
    return false;
  }
  int t = wf_object_is_true(v);
  if (t < 0) wf_err_clear();
  return t > 0;
}

static PyObject *module_getattro(PyObject *self, PyObject *name) {
  WF_GC_ROOT(self);
  WF_GC_ROOT(name);
  PyObject *r = wf_object_generic_getattr(self, name);
  if (r || !wf_err_matches(&wf_AttributeError_type)) return r;
  PyObject *dict = MOD(self)->md_dict;
  if (!dict) return NULL;
  wf_err_clear();
  PyObject *ga = wf_dict_getitem(dict, WF_ID(__getattr__));
  if (ga) return wf_call_one(ga, name);
  PyObject *modname = wf_dict_getitem(dict, WF_ID(__name__));
  if (modname && wf_str_check(modname)) {
    WF_GC_ROOT(modname);
    if (spec_initializing(wf_dict_getitem(dict, WF_ID(__spec__))))
      wf_err_format(&wf_AttributeError_type,
                    "partially initialized module '%U' has no attribute '%U' (most likely due to a circular import)",
                    modname, name);
    else
      wf_err_format(&wf_AttributeError_type, "module '%U' has no attribute '%U'", modname, name);
  } else {
    wf_err_format(&wf_AttributeError_type, "module has no attribute '%U'", name);
  }
  PyObject *e = wf_err_current();
  if (e && WF_TYPE(e) == &wf_AttributeError_type) {
    WF_GC_STORE(&((PyAttributeErrorObject *)e)->name, name);
    WF_GC_STORE(&((PyAttributeErrorObject *)e)->obj, self);
  }
  return NULL;
}

/* getattr(o, name, None) that swallows errors (for repr). */
static PyObject *attr_or_null(PyObject *o, const char *name) {
  PyObject *v = NULL;
  if (wf_object_lookup_attr(o, wf_str_intern_cstr(name), &v) < 0) {
    wf_err_clear();
    return NULL;
  }
  return v;
}

static bool is_builtin_name(PyObject *name) {
  if (!wf_str_check(name)) return false;
  for (const wf_builtin_module *b = wf_builtin_modules; b->name; b++)
    if (wf_str_equal_cstr(name, b->name)) return true;
  return false;
}

/* importlib._bootstrap._module_repr, in C. */
static PyObject *module_repr(PyObject *self) {
  WF_GC_ROOT(self);
  PyObject *spec = attr_or_null(self, "__spec__");
  WF_GC_ROOT(spec);
  if (spec && spec != WF_NONE) {
    PyObject *name = attr_or_null(spec, "name");
    WF_GC_ROOT(name);
    PyObject *origin = attr_or_null(spec, "origin");
    WF_GC_ROOT(origin);
    PyObject *nm = name ? name : wf_str_from_cstr("?");
    WF_GC_ROOT(nm);
    if (!origin || origin == WF_NONE) {
      PyObject *loader = attr_or_null(spec, "loader");
      if (!loader || loader == WF_NONE) return wf_str_from_format("<module %R>", nm);
      return wf_str_from_format("<module %R (%R)>", nm, loader);
    }
    PyObject *hl = attr_or_null(spec, "has_location");
    int t = hl ? wf_object_is_true(hl) : 0;
    if (t < 0) return NULL;
    if (t) return wf_str_from_format("<module %R from %R>", nm, origin);
    return wf_str_from_format("<module %R (%S)>", name ? name : WF_NONE, origin);
  }
  PyObject *dict = MOD(self)->md_dict;
  PyObject *name = dict ? wf_dict_getitem(dict, WF_ID(__name__)) : NULL;
  if (!name) name = wf_str_from_cstr("?");
  WF_GC_ROOT(name);
  PyObject *file = dict ? wf_dict_getitem(dict, WF_ID(__file__)) : NULL;
  if (file) return wf_str_from_format("<module %R from %R>", name, file);
  PyObject *loader = attr_or_null(self, "__loader__");
  if (loader && loader != WF_NONE) return wf_str_from_format("<module %R (%R)>", name, loader);
  if (is_builtin_name(name)) return wf_str_from_format("<module %R (built-in)>", name);
  return wf_str_from_format("<module %R>", name);
}

static PyObject *module_dir(PyObject *self, PyObject *unused) {
  WF_GC_ROOT(self);
  PyObject *dict = wf_object_getattr(self, WF_ID(__dict__));
  if (!dict) return NULL;
  if (!wf_dict_check(dict))
    return wf_err_format(&wf_TypeError_type, "<module>.__dict__ is not a dictionary");
  PyObject *d = wf_dict_getitem(dict, WF_ID(__dir__));
  if (d) return wf_call_noargs(d);
  return wf_dict_keys_list(dict);
}

static PyObject *get_annotations(PyObject *self, void *c) {
  PyObject *dict = MOD(self)->md_dict;
  if (!dict || !wf_dict_check(dict)) return wf_err_set_string(&wf_TypeError_type, "<module>.__dict__ is not a dictionary");
  PyObject *a = wf_dict_getitem(dict, WF_ID(__annotations__));
  if (a) return a;
  WF_GC_ROOT(dict);
  a = wf_dict_new();
  WF_GC_ROOT(a);
  if (wf_dict_setitem(dict, WF_ID(__annotations__), a) < 0) return NULL;
  return a;
}

static int set_annotations(PyObject *self, PyObject *v, void *c) {
  PyObject *dict = MOD(self)->md_dict;
  if (!dict || !wf_dict_check(dict)) {
    wf_err_set_string(&wf_TypeError_type, "<module>.__dict__ is not a dictionary");
    return -1;
  }
  if (v) return wf_dict_setitem(dict, WF_ID(__annotations__), v);
  if (wf_dict_delitem(dict, WF_ID(__annotations__)) < 0) {
    if (wf_err_matches(&wf_KeyError_type)) {
      wf_err_clear();
      wf_err_set_string(&wf_AttributeError_type, "__annotations__");
    }
    return -1;
  }
  return 0;
}

static PyMethodDef module_methods[] = {
    {"__dir__", (PyCFunction)module_dir, METH_NOARGS, "__dir__() -> list\nspecialized dir() implementation"},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef module_members[] = {
    {"__dict__", T_OBJECT, offsetof(wf_module, md_dict), READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef module_getsets[] = {
    {"__annotations__", get_annotations, set_annotations, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject wf_module_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "module",
    .tp_basicsize = sizeof(wf_module),
    .tp_repr = module_repr,
    .tp_getattro = module_getattro,
    .tp_setattro = wf_object_generic_setattr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Create a module object.\n\nThe name must be a string; the optional doc argument can have any type.",
    .tp_weaklistoffset = offsetof(wf_module, md_weaklist),
    .tp_methods = module_methods,
    .tp_members = module_members,
    .tp_getset = module_getsets,
    .tp_dictoffset = offsetof(wf_module, md_dict),
    .tp_init = module_init,
    .tp_new = module_tp_new,
    .wf = {.trace = module_trace},
};
WF_REGISTER_TYPE(wf_module_type);
