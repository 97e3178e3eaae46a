/* slice (vm/objects/slice.c): CPython's PySliceObject layout and the index
 * arithmetic every sequence uses (PySlice_Unpack / PySlice_AdjustIndices).
 * Owned by the containers group. */
#ifndef WF_OBJECTS_SLICE_H
#define WF_OBJECTS_SLICE_H

#include "object.h"

typedef struct {
  PyObject ob_base;
  PyObject *start, *stop, *step; /* never NULL: None when absent */
} PySliceObject;

extern PyTypeObject wf_slice_type;
static inline bool wf_slice_check(PyObject *o) { return WF_TYPE(o) == &wf_slice_type; }

/* slice(start, stop, step); NULL arguments mean None. */
PyObject *wf_slice_new(PyObject *start, PyObject *stop, PyObject *step);

/* PySlice_Unpack: start/stop/step as Py_ssize_t (clamped to
 * [-PY_SSIZE_T_MAX, PY_SSIZE_T_MAX]; None -> defaults for the step's sign).
 * ValueError "slice step cannot be zero"; TypeError for non-index values.
 * May run __index__ (a safepoint). 0 or -1. */
int wf_slice_unpack(PyObject *slice, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t *step);
/* PySlice_AdjustIndices: clamp to a sequence of `length`; returns the
 * number of items selected. Pure. */
Py_ssize_t wf_slice_adjust(Py_ssize_t length, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t step);

/* _PyEval_SliceIndex: an index-like object (or None: leave *pi) as a clamped
 * Py_ssize_t; TypeError "slice indices must be integers or None or have an
 * __index__ method". 0 or -1. */
int wf_slice_index(PyObject *v, Py_ssize_t *pi);

#define WF_SSIZE_MAX ((Py_ssize_t)(((size_t)-1) >> 1))
#define WF_SSIZE_MIN (-WF_SSIZE_MAX - 1)

#endif
