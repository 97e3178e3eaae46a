/* tuple (vm/objects/tuple.c). Contract used by the rest of the runtime. */
#ifndef WF_OBJECTS_TUPLE_H
#define WF_OBJECTS_TUPLE_H

#include "object.h"

typedef struct {
  PyVarObject ob_base;
  PyObject *ob_item[1];
} PyTupleObject;

extern PyTypeObject wf_tuple_type;
static inline bool wf_tuple_check(PyObject *o) { return wf_type_has_flag(WF_TYPE(o), Py_TPFLAGS_TUPLE_SUBCLASS); }

/* A new tuple of n NULL items, to be filled with WF_TUPLE_INIT before it is
 * shared (tuples are immutable once published). The empty tuple is a singleton. */
PyObject *wf_tuple_new(Py_ssize_t n);
#define WF_TUPLE_ITEMS(t) (((PyTupleObject *)(t))->ob_item)
#define WF_TUPLE_GET(t, i) (((PyTupleObject *)(t))->ob_item[i])
#define WF_TUPLE_INIT(t, i, v) WF_GC_STORE(&((PyTupleObject *)(t))->ob_item[i], (v))
PyObject *wf_tuple_pack(Py_ssize_t n, ...);
PyObject *wf_tuple_from_array(PyObject *const *items, Py_ssize_t n);
PyObject *wf_tuple_slice(PyObject *t, Py_ssize_t lo, Py_ssize_t hi);

#endif
