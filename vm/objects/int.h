/* int and bool (vm/objects/int.c, bool.c): a one-word fast path with an
 * arbitrary-precision slow path over vm/lib/wf_bigint.h (30-bit digits, the
 * PyLongObject layout extensions see). Small ints -5..256 are static and
 * immortal. Contract used by the rest of the runtime. */
#ifndef WF_OBJECTS_INT_H
#define WF_OBJECTS_INT_H

#include "object.h"

extern PyTypeObject wf_int_type, wf_bool_type;
extern PyObject wf_True_object, wf_False_object; /* really PyLongObject-shaped */
#define WF_TRUE ((PyObject *)&wf_True_object)
#define WF_FALSE ((PyObject *)&wf_False_object)
static inline PyObject *wf_bool_from(bool b) { return b ? WF_TRUE : WF_FALSE; }

static inline bool wf_int_check(PyObject *o) { return wf_type_has_flag(WF_TYPE(o), Py_TPFLAGS_LONG_SUBCLASS); }
static inline bool wf_int_check_exact(PyObject *o) { return WF_TYPE(o) == &wf_int_type; }

PyObject *wf_int_from_ssize(Py_ssize_t v);
PyObject *wf_int_from_int64(int64_t v);
PyObject *wf_int_from_uint64(uint64_t v);
PyObject *wf_int_from_double(double v);  /* int(float): OverflowError/ValueError */
PyObject *wf_int_from_string(const char *s, Py_ssize_t n, int base); /* int(str, base) */
/* Exact conversion; OverflowError ("Python int too large to convert to C
 * ssize_t" etc.) when it does not fit. -1 with an exception on error. */
Py_ssize_t wf_int_as_ssize(PyObject *o);
int wf_int_as_int64(PyObject *o, int64_t *out);
double wf_int_as_double(PyObject *o); /* -1.0 + OverflowError on overflow */
int wf_int_sign(PyObject *o);          /* -1, 0, 1 */

#endif
