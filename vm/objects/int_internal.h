/* Private helpers shared by int*.c, bool.c, float*.c and complex*.c (the
 * numbers group). Not for other subsystems: use int.h / floatobject.h. */
#ifndef WF_OBJECTS_INT_INTERNAL_H
#define WF_OBJECTS_INT_INTERNAL_H

#include "int.h"
#include "wf_bigint.h"

#define LONG_DIGITS(o) (((PyLongObject *)(o))->ob_digit)
#define LONG_SIZE(o) WF_SIZE(o)
static inline size_t long_ndigits(PyObject *o) {
  Py_ssize_t s = WF_SIZE(o);
  return (size_t)(s < 0 ? -s : s);
}

/* A fresh exact int with room for n digits (ob_size set later by
 * wf_int_finish_). */
PyLongObject *wf_int_alloc_(size_t n);
/* Set the signed size of a fresh int (normalised by the caller) and return
 * it, or the static small int of equal value. */
PyObject *wf_int_finish_(PyLongObject *r, ptrdiff_t sr);
/* Raise the Python exception for a wf_bigint status; returns NULL. */
PyObject *wf_int_raise_status_(int status);
/* Largest digit count we try to allocate: MemoryError above. */
int wf_int_check_ndigits_(size_t n);

/* Method tables and slots defined in int_methods.c, used by int.c's type. */
extern PyMethodDef wf_int_methods_[];
extern PyGetSetDef wf_int_getset_[];
PyObject *wf_int_new_(PyTypeObject *type, PyObject *args, PyObject *kwds);
extern PyNumberMethods wf_int_as_number_;
PyObject *wf_int_richcompare_(PyObject *a, PyObject *b, int op);

/* Float power on doubles with Python's rules (float.c); may give complex
 * for negative ** fractional. */
PyObject *wf_float_pow_doubles_(double a, double b);
/* Convert a number argument of a float operation to double: 1 = ok, 0 = not
 * a float/int (NotImplemented), -1 = error (int too large). */
int wf_float_convert_(PyObject *o, double *out);

/* Code points of a str object (UCS-4 copy, malloc'd) for parsers: NULL on
 * error. */
uint32_t *wf_numbers_str_ucs4_(PyObject *s, Py_ssize_t *n);
/* Map a code point sequence to ASCII as int()/float()/complex() do:
 * Unicode whitespace -> ' ', Unicode decimal digits -> '0'..'9', other
 * non-ASCII -> '?' (never valid). out has n + 1 bytes; NUL-terminated. */
void wf_numbers_to_ascii_(const uint32_t *cps, Py_ssize_t n, char *out);
/* The bytes of a bytes/bytearray object (or of any bytes-like object when
 * `any_buffer`), valid while *keep is rooted (bytes.h wf_byteslike_view):
 * 1, 0 if o is not such an object, -1 on error. */
int wf_numbers_get_bytes_(PyObject *o, bool any_buffer, const char **data, Py_ssize_t *n, PyObject **keep);
bool wf_numbers_is_bytes_like_(PyObject *o); /* bytes or bytearray */

#endif
