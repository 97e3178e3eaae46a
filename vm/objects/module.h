/* Module objects (vm/objects/module.c): CPython 3.11's PyModuleObject
 * layout and PyModuleDef, so that extension modules work later. */
#ifndef WF_OBJECTS_MODULE_H
#define WF_OBJECTS_MODULE_H

#include "object.h"

typedef struct PyModuleDef_Base {
  PyObject ob_base;
  PyObject *(*m_init)(void);
  Py_ssize_t m_index;
  PyObject *m_copy;
} PyModuleDef_Base;

typedef struct PyModuleDef_Slot {
  int slot;
  void *value;
} PyModuleDef_Slot;

typedef struct PyModuleDef {
  PyModuleDef_Base m_base;
  const char *m_name;
  const char *m_doc;
  Py_ssize_t m_size;
  PyMethodDef *m_methods;
  PyModuleDef_Slot *m_slots;
  traverseproc m_traverse;
  inquiry m_clear;
  freefunc m_free;
} PyModuleDef;

typedef struct wf_module {
  PyObject ob_base;
  PyObject *md_dict;
  PyModuleDef *md_def;
  void *md_state;
  PyObject *md_weaklist;
  PyObject *md_name;
} wf_module;

extern PyTypeObject wf_module_type;
static inline bool wf_module_check(PyObject *o) { return wf_object_type_check(o, &wf_module_type); }

/* A new module: __name__ = name, __doc__ = None, __package__ = None,
 * __loader__ = None, __spec__ = None. */
PyObject *wf_module_new(PyObject *name);
PyObject *wf_module_new_cstr(const char *name);
PyObject *wf_module_get_dict(PyObject *m); /* borrowed */
/* m.<name> = value (name a C string). 0 or -1. */
int wf_module_add(PyObject *m, const char *name, PyObject *value);
/* Add each PyMethodDef of `defs` (NULL-name terminated) as a builtin
 * function bound to the module. 0 or -1. */
int wf_module_add_functions(PyObject *m, PyMethodDef *defs);

/* types.SimpleNamespace (vm/objects/namespace.c), for sys.implementation:
 * a namespace with the items of `kwds` (a dict of str keys, or NULL). */
extern PyTypeObject wf_namespace_type;
PyObject *wf_namespace_new(PyObject *kwds);

#endif
