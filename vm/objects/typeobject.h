/* Type objects: readiness (slot inheritance, C3 MRO, the type's dict built
 * from tp_methods/tp_members/tp_getset and slot wrappers), attribute lookup
 * along the MRO with a cache keyed by version tags, and the descriptor types
 * that expose C functions to Python. vm/objects/typeobject.c and descr_*.c.
 *
 * Thread safety: a type's dict and version change only under the type's
 * lock (wf.lock); wf_type_modified gives the type and its subclasses new
 * version tags, so cached lookups of the old versions miss. */
#ifndef WF_OBJECTS_TYPEOBJECT_H
#define WF_OBJECTS_TYPEOBJECT_H

#include "object.h"

/* Make a type usable: inherit slots from tp_base, compute tp_bases and
 * tp_mro (C3), build tp_dict, set the gc trace function (wf.trace; for
 * extension types an adapter over tp_traverse). Static types are registered
 * as GC roots (their dict, bases and MRO). 0 or -1. */
int wf_type_ready(PyTypeObject *type);

/* Find `name` (a str) along type's MRO without invoking descriptors.
 * Borrowed result or NULL; never sets an exception. */
PyObject *wf_type_lookup(PyTypeObject *type, PyObject *name);

/* Call after changing a type's dict or bases (under its lock). */
void wf_type_modified(PyTypeObject *type);

/* type(name, bases, dict) with a metaclass: the class statement's work. */
PyObject *wf_type_new(PyTypeObject *metatype, PyObject *name, PyObject *bases, PyObject *dict, PyObject *kwds);

/* The qualified name / module-qualified repr helpers. */
PyObject *wf_type_name(PyTypeObject *type);      /* __name__ */
PyObject *wf_type_qualname(PyTypeObject *type);  /* __qualname__ */

/* Default tp_alloc / tp_new / tp_free-free. */
PyObject *wf_type_generic_alloc(PyTypeObject *type, Py_ssize_t nitems);
PyObject *wf_type_generic_new(PyTypeObject *type, PyObject *args, PyObject *kwds);

/* Descriptors over C functions (descr_*.c). */
extern PyTypeObject wf_method_descr_type, wf_classmethod_descr_type, wf_getset_descr_type,
    wf_member_descr_type, wf_wrapper_descr_type, wf_method_wrapper_type, wf_builtin_function_type;
PyObject *wf_descr_new_method(PyTypeObject *type, PyMethodDef *def);
PyObject *wf_descr_new_classmethod(PyTypeObject *type, PyMethodDef *def);
PyObject *wf_descr_new_getset(PyTypeObject *type, PyGetSetDef *def);
PyObject *wf_descr_new_member(PyTypeObject *type, PyMemberDef *def);
/* A builtin function (module-level C function), bound to `self` (module or NULL). */
PyObject *wf_cfunction_new(PyMethodDef *def, PyObject *self, PyObject *module_name);

/* Argument parsing helpers for C methods (METH_FASTCALL|METH_KEYWORDS):
 * `fname` is used in messages exactly as CPython's argument clinic words them
 * ("f() takes at most 2 arguments (3 given)", "f() missing required argument
 * 'x' (pos 1)", "f() got an unexpected keyword argument 'y'", ...). */
int wf_arg_check_positional(const char *fname, Py_ssize_t nargs, Py_ssize_t min, Py_ssize_t max);
int wf_arg_no_keywords(const char *fname, PyObject *kwnames);
/* Match positional args and keyword args to `names` (NULL-terminated; a
 * leading "" for positional-only): fills out[0..n) with borrowed pointers or
 * NULL for missing optional parameters; `min` are required. */
int wf_arg_unpack(const char *fname, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                  const char *const *names, Py_ssize_t min, PyObject **out);

#endif
