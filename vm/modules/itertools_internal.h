/* Shared pieces of the itertools module (itertools.c: the module and the
 * simple iterators; itertools_comb.c: groupby, tee and the combinatoric
 * iterators).
 *
 * Threads: every iterator has a wf_lock over its own state. The lock is
 * never held across a call into Python code or a protocol call on an
 * arbitrary object: the iterator reads its state, calls outside the lock,
 * and updates under the lock. (chain also serialises moving to its next
 * iterable with a park lock, which may be held across Python code.) Consequences when two threads share one
 * iterator: each underlying item is consumed by exactly one next() call,
 * state objects are always valid (no crash), and for iterators whose state
 * depends on the order of items (accumulate, groupby, pairwise, cycle's
 * saved copy) the result is that of some interleaving of the two threads'
 * steps: e.g. accumulate may skip a partial sum another thread computed at
 * the same time, and a groupby group may be split. */
#ifndef WF_MODULES_ITERTOOLS_INTERNAL_H
#define WF_MODULES_ITERTOOLS_INTERNAL_H

#include "errors.h"
#include "funcobject.h"
#include "int.h"
#include "lock.h"
#include "object.h"
#include "protocol.h"
#include "runtime.h"
#include "tuple.h"
#include "typeobject.h"

extern PyTypeObject wf_itertools_groupby_type, wf_itertools_grouper_type, wf_itertools_tee_type,
    wf_itertools_teedata_type, wf_itertools_product_type, wf_itertools_permutations_type,
    wf_itertools_combinations_type, wf_itertools_cwr_type;

PyObject *wf_itertools_tee(PyObject *self, PyObject *const *args, Py_ssize_t nargs);

static inline PyObject *wf_itertools_self_iter(PyObject *self) { return self; }

/* A new instance of `type` (a subclass may add slots). */
static inline PyObject *wf_itertools_alloc(PyTypeObject *type) {
  return type->tp_alloc ? type->tp_alloc(type, 0) : wf_type_generic_alloc(type, 0);
}

/* "name() takes no keyword arguments" for a tp_new that takes none. */
static inline int wf_itertools_no_kw(const char *name, PyObject *kwds) {
  if (kwds && WF_TYPE(kwds)->tp_as_mapping && WF_TYPE(kwds)->tp_as_mapping->mp_length &&
      WF_TYPE(kwds)->tp_as_mapping->mp_length(kwds) > 0) {
    wf_err_format(&wf_TypeError_type, "%s() takes no keyword arguments", name);
    return -1;
  }
  return 0;
}

/* A static iterator type of the module (registered for wf_runtime_init). */
#define WF_ITERTOOLS_TYPE(var, pyname, size, next, tr, newf, extra...)                              \
  PyTypeObject var = {                                                                            \
      .ob_base = {{1, &wf_type_type}, 0},                                                         \
      .tp_name = "itertools." pyname,                                                             \
      .tp_basicsize = sizeof(size),                                                               \
      .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,                  \
      .tp_iter = wf_itertools_self_iter,                                                          \
      .tp_iternext = next,                                                                        \
      .tp_new = newf,                                                                             \
      .wf = {.trace = tr},                                                                        \
      extra};                                                                                     \
  WF_REGISTER_TYPE(var)

#endif
