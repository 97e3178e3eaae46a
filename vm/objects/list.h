/* list (vm/objects/list.c): one-word lock for mutation, lock-free reads over
 * a GC-managed item array (a reader holding an old array keeps it alive).
 * Contract used by the rest of the runtime. */
#ifndef WF_OBJECTS_LIST_H
#define WF_OBJECTS_LIST_H

#include "object.h"

extern PyTypeObject wf_list_type;
static inline bool wf_list_check(PyObject *o) { return wf_type_has_flag(WF_TYPE(o), Py_TPFLAGS_LIST_SUBCLASS); }

PyObject *wf_list_new(Py_ssize_t n); /* n None items */
int wf_list_append(PyObject *l, PyObject *item);
Py_ssize_t wf_list_size(PyObject *l);
PyObject *wf_list_get(PyObject *l, Py_ssize_t i);     /* borrowed; NULL + IndexError */
int wf_list_set(PyObject *l, Py_ssize_t i, PyObject *v);
PyObject *wf_list_as_tuple(PyObject *l);
int wf_list_sort(PyObject *l, PyObject *key, bool reverse);

#endif
