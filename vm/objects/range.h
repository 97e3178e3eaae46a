/* range (vm/objects/range.c): start, stop, step and length as int objects
 * (arbitrary precision), with an int64 fast path when all of them fit.
 * Owned by the containers group. */
#ifndef WF_OBJECTS_RANGE_H
#define WF_OBJECTS_RANGE_H

#include "object.h"

typedef struct {
  PyObject ob_base;
  PyObject *start, *stop, *step, *length; /* ints */
  bool small;                              /* the four fit in int64 (|x| < 2**62) */
  int64_t s_start, s_step, s_len;
} wf_rangeobject;

extern PyTypeObject wf_range_type, wf_range_iter_type, wf_longrange_iter_type;
static inline bool wf_range_check(PyObject *o) { return WF_TYPE(o) == &wf_range_type; }

/* range(start, stop, step) from int objects (ValueError for step 0). */
PyObject *wf_range_new(PyObject *start, PyObject *stop, PyObject *step);

#endif
