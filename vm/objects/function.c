/* function: Python functions (def, lambda).  Calls go through the
 * vectorcall pointer (wf_function_vectorcall, vm/interp/call.c); this file
 * holds construction, the attributes and binding (__get__). */
#include <stdlib.h>

#include "descr.h"
#include "dict.h"
#include "errors.h"
#include "funcobject.h"
#include "interp.h"
#include "module.h"
#include "modules.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"

#define F(o) ((wf_function *)(o))

static uint32_t next_version = 1;

int wf_arg_unpack_tuple_dict(const char *fname, PyObject *args, PyObject *kwds, const char *const *names,
                             Py_ssize_t min, PyObject **out) {
  Py_ssize_t nargs = args ? WF_SIZE(args) : 0;
  Py_ssize_t nkw = kwds ? wf_dict_size(kwds) : 0;
  PyObject *small[16];
  PyObject **arr = nargs + nkw <= 16 ? small : malloc(sizeof(PyObject *) * (size_t)(nargs + nkw));
  for (Py_ssize_t i = 0; i < nargs; i++) arr[i] = WF_TUPLE_GET(args, i);
  PyObject *kwnames = NULL;
  if (nkw) {
    kwnames = wf_tuple_new(nkw);
    Py_ssize_t pos = 0, k = 0;
    PyObject *key, *value;
    while (k < nkw && wf_dict_next(kwds, &pos, &key, &value)) {
      WF_GC_STORE(&((PyTupleObject *)kwnames)->ob_item[k], key);
      arr[nargs + k++] = value;
    }
  }
  int r = wf_arg_unpack(fname, arr, nargs, kwnames, names, min, out);
  if (arr != small) free(arr);
  return r;
}

PyObject *wf_function_builtins_for(PyObject *globals) {
  PyObject *b = wf_dict_check(globals) ? wf_dict_getitem(globals, WF_ID(__builtins__)) : NULL;
  if (b && wf_module_check(b)) b = wf_module_get_dict(b);
  if (b && wf_dict_check(b)) return b;
  return wf_builtins_dict();
}

PyObject *wf_function_new(PyObject *code, PyObject *globals, PyObject *qualname) {
  WF_GC_ROOT(code);
  WF_GC_ROOT(globals);
  WF_GC_ROOT(qualname);
  wf_code *co = (wf_code *)code;
  PyObject *builtins = wf_function_builtins_for(globals);
  WF_GC_ROOT(builtins);
  PyObject *module = wf_dict_check(globals) ? wf_dict_getitem(globals, WF_ID(__name__)) : NULL;
  WF_GC_ROOT(module);
  wf_function *f = (wf_function *)wf_object_alloc(&wf_function_type, sizeof(wf_function));
  WF_GC_STORE(&f->func_globals, globals);
  WF_GC_STORE(&f->func_builtins, builtins);
  WF_GC_STORE(&f->func_name, co->co_name);
  WF_GC_STORE(&f->func_qualname, qualname ? qualname : co->co_qualname);
  WF_GC_STORE(&f->func_code, code);
  PyObject *doc = WF_NONE;
  if (co->co_consts && WF_SIZE(co->co_consts) > 0 && wf_str_check(WF_TUPLE_GET(co->co_consts, 0)))
    doc = WF_TUPLE_GET(co->co_consts, 0);
  WF_GC_STORE(&f->func_doc, doc);
  WF_GC_STORE(&f->func_module, module);
  f->vectorcall = wf_function_vectorcall;
  f->func_version = __atomic_fetch_add(&next_version, 1, __ATOMIC_RELAXED);
  return (PyObject *)f;
}

/* ---- Slots -------------------------------------------------------------------------- */

static void function_trace(void *o, wf_gc_tracer *t) {
  wf_function *f = o;
  wf_gc_visit(t, f->func_globals);
  wf_gc_visit(t, f->func_builtins);
  wf_gc_visit(t, f->func_name);
  wf_gc_visit(t, f->func_qualname);
  wf_gc_visit(t, f->func_code);
  wf_gc_visit(t, f->func_defaults);
  wf_gc_visit(t, f->func_kwdefaults);
  wf_gc_visit(t, f->func_closure);
  wf_gc_visit(t, f->func_doc);
  wf_gc_visit(t, f->func_dict);
  wf_gc_visit(t, f->func_weakreflist);
  wf_gc_visit(t, f->func_module);
  wf_gc_visit(t, f->func_annotations);
}

static PyObject *function_repr(PyObject *self) {
  return wf_str_from_format("<function %U at %p>", WF_GC_LOAD(&F(self)->func_qualname), self);
}

static PyObject *function_descr_get(PyObject *self, PyObject *obj, PyObject *type) {
  (void)type;
  if (!obj || obj == WF_NONE) return self;
  return wf_method_new(self, obj);
}

static PyObject *function_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  (void)type;
  static const char *const names[] = {"code", "globals", "name", "argdefs", "closure", NULL};
  PyObject *a[5];
  if (wf_arg_unpack_tuple_dict("function", args, kwds, names, 2, a) < 0) return NULL;
  PyObject *code = a[0], *globals = a[1], *name = a[2], *defs = a[3], *closure = a[4];
  if (!wf_code_check(code))
    return wf_err_format(&wf_TypeError_type, "function() argument 'code' must be code, not %.200s",
                         WF_TYPE(code)->tp_name);
  if (!wf_dict_check(globals))
    return wf_err_format(&wf_TypeError_type, "function() argument 'globals' must be dict, not %.200s",
                         WF_TYPE(globals)->tp_name);
  if (name && name != WF_NONE && !wf_str_check(name))
    return wf_err_set_string(&wf_TypeError_type, "arg 3 (name) must be None or string");
  if (defs && defs != WF_NONE && !wf_tuple_check(defs))
    return wf_err_set_string(&wf_TypeError_type, "arg 4 (defaults) must be None or tuple");
  if (closure && closure != WF_NONE && !wf_tuple_check(closure))
    return wf_err_set_string(&wf_TypeError_type, "arg 5 (closure) must be None or tuple");
  wf_code *co = (wf_code *)code;
  Py_ssize_t nclosure = closure && closure != WF_NONE ? WF_SIZE(closure) : 0;
  if (co->co_nfreevars != nclosure)
    return wf_err_format(&wf_ValueError_type, "%U requires closure of length %d, not %zd", co->co_name,
                         co->co_nfreevars, nclosure);
  for (Py_ssize_t i = 0; i < nclosure; i++) {
    PyObject *c = WF_TUPLE_GET(closure, i);
    if (WF_TYPE(c) != &wf_cell_type)
      return wf_err_format(&wf_TypeError_type, "arg 5 (closure) expected cell, found %s", WF_TYPE(c)->tp_name);
  }
  WF_GC_ROOT(name);
  WF_GC_ROOT(defs);
  WF_GC_ROOT(closure);
  PyObject *f = wf_function_new(code, globals, NULL);
  if (!f) return NULL;
  if (name && name != WF_NONE) WF_GC_STORE(&F(f)->func_name, name);
  if (defs && defs != WF_NONE) WF_GC_STORE(&F(f)->func_defaults, defs);
  if (nclosure) WF_GC_STORE(&F(f)->func_closure, closure);
  return f;
}

/* ---- Attributes --------------------------------------------------------------------- */

static PyObject *get_name(PyObject *self, void *c) { return WF_GC_LOAD(&F(self)->func_name); }
static int set_name(PyObject *self, PyObject *v, void *c) {
  if (!v || !wf_str_check(v)) {
    wf_err_set_string(&wf_TypeError_type, "__name__ must be set to a string object");
    return -1;
  }
  WF_GC_STORE(&F(self)->func_name, v);
  return 0;
}

static PyObject *get_qualname(PyObject *self, void *c) { return WF_GC_LOAD(&F(self)->func_qualname); }
static int set_qualname(PyObject *self, PyObject *v, void *c) {
  if (!v || !wf_str_check(v)) {
    wf_err_set_string(&wf_TypeError_type, "__qualname__ must be set to a string object");
    return -1;
  }
  WF_GC_STORE(&F(self)->func_qualname, v);
  return 0;
}

static PyObject *get_code(PyObject *self, void *c) { return WF_GC_LOAD(&F(self)->func_code); }
static int set_code(PyObject *self, PyObject *v, void *c) {
  if (!v || !wf_code_check(v)) {
    wf_err_set_string(&wf_TypeError_type, "__code__ must be set to a code object");
    return -1;
  }
  PyObject *cl = WF_GC_LOAD(&F(self)->func_closure);
  Py_ssize_t nclosure = cl ? WF_SIZE(cl) : 0;
  if (((wf_code *)v)->co_nfreevars != nclosure) {
    wf_err_format(&wf_ValueError_type, "%U() requires a code object with %zd free vars, not %d",
                  WF_GC_LOAD(&F(self)->func_name), nclosure, ((wf_code *)v)->co_nfreevars);
    return -1;
  }
  WF_GC_STORE(&F(self)->func_code, v);
  __atomic_store_n(&F(self)->func_version, 0, __ATOMIC_RELAXED);
  return 0;
}

static PyObject *get_defaults(PyObject *self, void *c) {
  PyObject *d = WF_GC_LOAD(&F(self)->func_defaults);
  return d ? d : WF_NONE;
}
static int set_defaults(PyObject *self, PyObject *v, void *c) {
  if (v == WF_NONE) v = NULL;
  if (v && !wf_tuple_check(v)) {
    wf_err_set_string(&wf_TypeError_type, "__defaults__ must be set to a tuple object");
    return -1;
  }
  WF_GC_STORE(&F(self)->func_defaults, v);
  __atomic_store_n(&F(self)->func_version, 0, __ATOMIC_RELAXED);
  return 0;
}

static PyObject *get_kwdefaults(PyObject *self, void *c) {
  PyObject *d = WF_GC_LOAD(&F(self)->func_kwdefaults);
  return d ? d : WF_NONE;
}
static int set_kwdefaults(PyObject *self, PyObject *v, void *c) {
  if (v == WF_NONE) v = NULL;
  if (v && !wf_dict_check(v)) {
    wf_err_set_string(&wf_TypeError_type, "__kwdefaults__ must be set to a dict object");
    return -1;
  }
  WF_GC_STORE(&F(self)->func_kwdefaults, v);
  __atomic_store_n(&F(self)->func_version, 0, __ATOMIC_RELAXED);
  return 0;
}

static PyObject *get_annotations(PyObject *self, void *c) {
  PyObject *d = WF_GC_LOAD(&F(self)->func_annotations);
  if (d) return d;
  PyObject *nd = wf_dict_new();
  PyObject *expected = NULL;
  if (__atomic_compare_exchange_n(&F(self)->func_annotations, &expected, nd, false, __ATOMIC_ACQ_REL,
                                  __ATOMIC_ACQUIRE))
    return nd;
  return expected;
}
static int set_annotations(PyObject *self, PyObject *v, void *c) {
  if (v == WF_NONE) v = NULL;
  if (v && !wf_dict_check(v)) {
    wf_err_set_string(&wf_TypeError_type, "__annotations__ must be set to a dict object");
    return -1;
  }
  WF_GC_STORE(&F(self)->func_annotations, v);
  return 0;
}

static PyObject *get_dict(PyObject *self, void *c) { return wf_object_get_dict(self); }

static PyGetSetDef function_getsets[] = {
    {"__code__", get_code, set_code, NULL, NULL},
    {"__defaults__", get_defaults, set_defaults, NULL, NULL},
    {"__kwdefaults__", get_kwdefaults, set_kwdefaults, NULL, NULL},
    {"__annotations__", get_annotations, set_annotations, NULL, NULL},
    {"__dict__", get_dict, wf_object_generic_set_dict, NULL, NULL},
    {"__name__", get_name, set_name, NULL, NULL},
    {"__qualname__", get_qualname, set_qualname, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMemberDef function_members[] = {
    {"__closure__", T_OBJECT, offsetof(wf_function, func_closure), READONLY, NULL},
    {"__doc__", T_OBJECT, offsetof(wf_function, func_doc), 0, NULL},
    {"__globals__", T_OBJECT, offsetof(wf_function, func_globals), READONLY, NULL},
    {"__module__", T_OBJECT, offsetof(wf_function, func_module), 0, NULL},
    {"__builtins__", T_OBJECT, offsetof(wf_function, func_builtins), READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

PyTypeObject wf_function_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "function",
    .tp_basicsize = sizeof(wf_function),
    .tp_vectorcall_offset = offsetof(wf_function, vectorcall),
    .tp_repr = function_repr,
    .tp_call = wf_vectorcall_call,
    .tp_getattro = wf_object_generic_getattr,
    .tp_setattro = wf_object_generic_setattr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL | Py_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_doc = "Create a function object.\n\n  code\n    a code object\n  globals\n    the globals dictionary\n"
              "  name\n    a string that overrides the name from the code object\n  argdefs\n"
              "    a tuple that specifies the default argument values\n  closure\n"
              "    a tuple that supplies the bindings for free variables",
    .tp_weaklistoffset = offsetof(wf_function, func_weakreflist),
    .tp_members = function_members,
    .tp_getset = function_getsets,
    .tp_descr_get = function_descr_get,
    .tp_dictoffset = offsetof(wf_function, func_dict),
    .tp_new = function_tp_new,
    .wf = {.trace = function_trace},
};
WF_REGISTER_TYPE(wf_function_type);
