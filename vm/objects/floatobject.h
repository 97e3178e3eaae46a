/* float and complex (vm/objects/float.c, complex.c) over vm/lib/wf_float.h.
 * Contract used by the rest of the runtime. */
#ifndef WF_OBJECTS_FLOAT_H
#define WF_OBJECTS_FLOAT_H

#include "object.h"

typedef struct {
  PyObject ob_base;
  double ob_fval;
} PyFloatObject;

typedef struct {
  double real, imag;
} Py_complex;

typedef struct {
  PyObject ob_base;
  Py_complex cval;
} PyComplexObject;

extern PyTypeObject wf_float_type, wf_complex_type;
static inline bool wf_float_check(PyObject *o) { return wf_object_type_check(o, &wf_float_type); }
static inline bool wf_float_check_exact(PyObject *o) { return WF_TYPE(o) == &wf_float_type; }
static inline bool wf_complex_check(PyObject *o) { return wf_object_type_check(o, &wf_complex_type); }
/* The value of a float (or subclass) object. */
static inline double wf_float_value(PyObject *o) { return ((PyFloatObject *)o)->ob_fval; }

static inline PyObject *wf_float_from_double(double v) {
  PyFloatObject *f = (PyFloatObject *)wf_object_alloc_leaf(&wf_float_type, sizeof(PyFloatObject));
  f->ob_fval = v;
  return (PyObject *)f;
}
double wf_float_as_double(PyObject *o); /* any object with __float__/__index__; -1.0 + error */
PyObject *wf_complex_from_doubles(double re, double im);

/* ---- Additions (numbers group) ---- */

/* float(o) with every rule of python3.11 (PyNumber_Float): __float__,
 * __index__, str (Unicode digits and spaces), bytes, bytearray, buffers.
 * Core's wf_number_float may simply call this. */
PyObject *wf_float_from_object(PyObject *o);
/* float(s) for UTF-8 text. */
PyObject *wf_float_from_string(const char *s, Py_ssize_t n);
/* repr(float) / str(float). */
PyObject *wf_float_to_str(PyObject *o);
/* format(float, spec) with a UTF-8 spec. */
PyObject *wf_float_format_spec(PyObject *o, const char *spec, Py_ssize_t n);
/* complex(o) for one argument / repr / format. */
PyObject *wf_complex_from_object(PyObject *o);
PyObject *wf_complex_to_str(PyObject *o);
PyObject *wf_complex_format_spec(PyObject *o, const char *spec, Py_ssize_t n);
/* The value of a complex (or subclass). */
static inline Py_complex wf_complex_value(PyObject *o) { return ((PyComplexObject *)o)->cval; }

#endif
