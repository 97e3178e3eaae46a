/* range (vm/objects/range.c): start, stop, step and length as int objects
 * (arbitrary precision), with an int64 fast path when all of them fit.
 * Owned by the containers group. */
#ifndef WF_OBJECTS_RANGE_H
#define WF_OBJECTS_RANGE_H

#include "int.h"
#include "lock.h"
#include "object.h"

typedef struct {
  PyObject ob_base;
  PyObject *start, *stop, *step, *length; /* ints */
  bool small;                              /* the four fit in int64 (|x| < 2**62) */
  int64_t s_start, s_step, s_len;
} wf_rangeobject;

extern PyTypeObject wf_range_type, wf_range_iter_type, wf_longrange_iter_type;
static inline bool wf_range_check(PyObject *o) { return WF_TYPE(o) == &wf_range_type; }

/* An iterator over a range whose items all fit in int64. The lock makes
 * next() atomic when threads share the iterator. */
typedef struct {
  PyObject ob_base;
  int64_t next, step, len; /* len: items remaining */
  wf_lock lock;
} wf_rangeiter;

/* next() of a wf_range_iter_type iterator: the item, or NULL at the end
 * (no exception). Inline: FOR_ITER's fast path. */
static inline PyObject *wf_rangeiter_next(PyObject *self) {
  wf_rangeiter *it = (wf_rangeiter *)self;
  wf_lock_acquire(&it->lock);
  if (it->len <= 0) {
    wf_lock_release(&it->lock);
    return NULL;
  }
  int64_t v = it->next;
  it->next += it->step;
  it->len--;
  wf_lock_release(&it->lock);
  return wf_int_from_int64(v);
}

/* range(start, stop, step) from int objects (ValueError for step 0). */
PyObject *wf_range_new(PyObject *start, PyObject *stop, PyObject *step);

#endif
