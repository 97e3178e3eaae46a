/* Python functions and their companions: function (function.c), bound
 * method (method.c), cell (cell.c), staticmethod / classmethod
 * (funcdescr.c), property (property.c), super (super.c).  Layouts are
 * CPython 3.11's where extensions see them. */
#ifndef WF_OBJECTS_FUNCOBJECT_H
#define WF_OBJECTS_FUNCOBJECT_H

#include "object.h"

/* ---- function (PyFunctionObject) ---- */
typedef struct wf_function {
  PyObject ob_base;
  PyObject *func_globals;     /* dict */
  PyObject *func_builtins;    /* dict */
  PyObject *func_name;        /* str */
  PyObject *func_qualname;    /* str */
  PyObject *func_code;        /* wf_code */
  PyObject *func_defaults;    /* tuple or NULL */
  PyObject *func_kwdefaults;  /* dict or NULL */
  PyObject *func_closure;     /* tuple of cells or NULL */
  PyObject *func_doc;         /* str or None */
  PyObject *func_dict;        /* __dict__ or NULL */
  PyObject *func_weakreflist;
  PyObject *func_module;      /* __module__ */
  PyObject *func_annotations; /* dict or NULL */
  vectorcallfunc vectorcall;  /* wf_function_vectorcall (vm/interp) */
  uint32_t func_version;
} wf_function;

extern PyTypeObject wf_function_type;
static inline bool wf_function_check(PyObject *o) { return WF_TYPE(o) == &wf_function_type; }

/* A function for `code` in `globals` (builtins: globals['__builtins__'] if
 * it is a dict or a module's dict, else the builtins module's dict;
 * __module__ from globals['__name__']; __doc__ from the first constant if it
 * is a str and the code is a function with a docstring (the compiler puts
 * None there otherwise)).  qualname NULL: the code's. */
PyObject *wf_function_new(PyObject *code, PyObject *globals, PyObject *qualname);
/* The builtins namespace for code running in `globals`: its __builtins__
 * (a module's dict or a dict), else the builtins module's dict. */
PyObject *wf_function_builtins_for(PyObject *globals);

/* ---- bound method (PyMethodObject) ---- */
typedef struct wf_method {
  PyObject ob_base;
  PyObject *im_func;
  PyObject *im_self;
  PyObject *im_weakreflist;
  vectorcallfunc vectorcall;
} wf_method;
extern PyTypeObject wf_method_type;
PyObject *wf_method_new(PyObject *func, PyObject *self);

/* ---- cell ---- */
typedef struct wf_cell {
  PyObject ob_base;
  PyObject *ob_ref; /* NULL when empty; read with WF_GC_LOAD, write with WF_GC_STORE */
} wf_cell;
extern PyTypeObject wf_cell_type;
PyObject *wf_cell_new(PyObject *value); /* value may be NULL */
static inline PyObject *wf_cell_get(PyObject *c) { return WF_GC_LOAD(&((wf_cell *)c)->ob_ref); }
static inline void wf_cell_set(PyObject *c, PyObject *v) { WF_GC_STORE(&((wf_cell *)c)->ob_ref, v); }

/* ---- staticmethod, classmethod, property, super ---- */
extern PyTypeObject wf_staticmethod_type, wf_classmethod_type, wf_property_type, wf_super_type;
PyObject *wf_staticmethod_new(PyObject *callable);
PyObject *wf_classmethod_new(PyObject *callable);

/* ---- Additions (types group) ---- */
static inline bool wf_method_check(PyObject *o) { return WF_TYPE(o) == &wf_method_type; }
static inline bool wf_cell_check(PyObject *o) { return WF_TYPE(o) == &wf_cell_type; }
/* property(fget, fset, fdel, doc) from C. */
PyObject *wf_property_new(PyObject *fget, PyObject *fset, PyObject *fdel, PyObject *doc);
/* Match tp_new's (args tuple, kwds dict) to `names` like wf_arg_unpack. */
int wf_arg_unpack_tuple_dict(const char *fname, PyObject *args, PyObject *kwds, const char *const *names,
                             Py_ssize_t min, PyObject **out);

#endif
