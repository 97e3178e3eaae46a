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

PyObject *wf_float_from_double(double v);
double wf_float_as_double(PyObject *o); /* any object with __float__/__index__; -1.0 + error */
PyObject *wf_complex_from_doubles(double re, double im);

#endif
