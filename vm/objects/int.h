/* int and bool (vm/objects/int.c, bool.c): a one-word fast path with an
 * arbitrary-precision slow path over vm/lib/wf_bigint.h (30-bit digits, the
 * PyLongObject layout extensions see). Small ints -5..256 are static and
 * immortal. Contract used by the rest of the runtime.
 *
 * Representation: CPython 3.11's PyLongObject. ob_size is the signed digit
 * count (sign of the value, |ob_size| digits of magnitude, 0 for zero);
 * digits are 30-bit, least significant first, normalised (the top digit is
 * non-zero). The fast path is not a different layout: any int with at most
 * two digits (|v| < 2**60) is read into an int64 (wf_int_small_value) and
 * arithmetic on such values is done in int64 with overflow checks before
 * falling back to wf_bigint. Ints are immutable and fully built before they
 * are published; they hold no references (no trace function). */
#ifndef WF_OBJECTS_INT_H
#define WF_OBJECTS_INT_H

#include "object.h"

typedef uint32_t digit;
#define WF_INT_SHIFT 30
#define WF_INT_MASK ((digit)((1u << WF_INT_SHIFT) - 1))

typedef struct {
  PyVarObject ob_base;
  digit ob_digit[1];
} PyLongObject;

extern PyTypeObject wf_int_type, wf_bool_type;
extern PyObject wf_True_object, wf_False_object; /* really PyLongObject-shaped */
#define WF_TRUE ((PyObject *)&wf_True_object)
#define WF_FALSE ((PyObject *)&wf_False_object)
static inline PyObject *wf_bool_from(bool b) { return b ? WF_TRUE : WF_FALSE; }
static inline bool wf_bool_check(PyObject *o) { return WF_TYPE(o) == &wf_bool_type; }

static inline bool wf_int_check(PyObject *o) { return wf_type_has_flag(WF_TYPE(o), Py_TPFLAGS_LONG_SUBCLASS); }
static inline bool wf_int_check_exact(PyObject *o) { return WF_TYPE(o) == &wf_int_type; }

/* The static small ints -5..256. */
#define WF_INT_SMALL_MIN (-5)
#define WF_INT_SMALL_MAX 256
extern PyLongObject wf_int_small[WF_INT_SMALL_MAX - WF_INT_SMALL_MIN + 1];
#define WF_INT_SMALL(v) ((PyObject *)&wf_int_small[(v) - WF_INT_SMALL_MIN])

/* Fast path: if |o| < 2**60 (at most two digits), store its value and
 * return true. `o` must be an int (or subclass). */
static inline bool wf_int_small_value(PyObject *o, int64_t *v) {
  Py_ssize_t s = WF_SIZE(o);
  const digit *d = ((PyLongObject *)o)->ob_digit;
  switch (s) {
  case 0: *v = 0; return true;
  case 1: *v = (int64_t)d[0]; return true;
  case -1: *v = -(int64_t)d[0]; return true;
  case 2: *v = (int64_t)d[0] | ((int64_t)d[1] << WF_INT_SHIFT); return true;
  case -2: *v = -((int64_t)d[0] | ((int64_t)d[1] << WF_INT_SHIFT)); return true;
  default: return false;
  }
}

PyObject *wf_int_from_ssize(Py_ssize_t v);
PyObject *wf_int_from_int64_slow_(int64_t v); /* any value */
/* Inline for the common cases: the static small ints, one and two digits
 * (|v| < 2**60: allocations of a constant size). */
static inline PyObject *wf_int_from_int64(int64_t v) {
  if (v >= WF_INT_SMALL_MIN && v <= WF_INT_SMALL_MAX) return WF_INT_SMALL(v);
  uint64_t m = v < 0 ? -(uint64_t)v : (uint64_t)v;
  if (m < ((uint64_t)1 << WF_INT_SHIFT)) {
    PyLongObject *r = (PyLongObject *)wf_object_alloc_leaf(&wf_int_type, sizeof(PyLongObject));
    r->ob_digit[0] = (digit)m;
    r->ob_base.ob_size = v < 0 ? -1 : 1;
    return (PyObject *)r;
  }
  if (m < ((uint64_t)1 << (2 * WF_INT_SHIFT))) {
    PyLongObject *r = (PyLongObject *)wf_object_alloc_leaf(&wf_int_type, sizeof(PyLongObject) + sizeof(digit));
    digit *d = r->ob_digit;
    d[0] = (digit)(m & WF_INT_MASK);
    d[1] = (digit)(m >> WF_INT_SHIFT);
    r->ob_base.ob_size = v < 0 ? -2 : 2;
    return (PyObject *)r;
  }
  return wf_int_from_int64_slow_(v);
}
PyObject *wf_int_from_uint64(uint64_t v);
PyObject *wf_int_from_double(double v);  /* int(float): OverflowError/ValueError */
/* int(str, base) over UTF-8 text (non-ASCII digits and spaces are mapped as
 * int() does); ValueError with python3.11's messages. */
PyObject *wf_int_from_string(const char *s, Py_ssize_t n, int base);
/* Exact conversion; OverflowError ("Python int too large to convert to C
 * ssize_t" etc.) when it does not fit. -1 with an exception on error. */
Py_ssize_t wf_int_as_ssize(PyObject *o);
int wf_int_as_int64(PyObject *o, int64_t *out);
double wf_int_as_double(PyObject *o); /* -1.0 + OverflowError on overflow */
int wf_int_sign(PyObject *o);          /* -1, 0, 1 */

/* ---- Additions (numbers group) ---- */

/* A new int from digits: magnitude d[0..n) (need not be normalised), sign
 * <0/>0. Returns the small int when the value is one. */
PyObject *wf_int_from_digits(const digit *d, size_t n, int sign);
/* int(o) with every rule of python3.11's int(x) (PyNumber_Long): __int__,
 * __index__, __trunc__, str, bytes, bytearray, buffers. Core's
 * wf_number_long may simply call this. */
PyObject *wf_int_from_object(PyObject *o);
/* int(str_object, base): str, bytes or bytearray `o` (ValueError messages
 * name repr(o)). */
PyObject *wf_int_from_str_object(PyObject *o, int base);
/* repr/str of an int (respects sys.set_int_max_str_digits). */
PyObject *wf_int_repr(PyObject *o);
/* format(int, spec) with a UTF-8 spec. */
PyObject *wf_int_format(PyObject *o, const char *spec, Py_ssize_t n);
/* bin()/oct()/hex() bodies: "0b101", "-0x1f" (base 2, 8, 16). */
PyObject *wf_int_to_base_str(PyObject *o, int base);
/* hash(int), exactly as python3.11. */
Py_hash_t wf_int_hash(PyObject *o);
/* Compare two ints: -1, 0, 1. */
int wf_int_compare(PyObject *a, PyObject *b);
/* Compare int `i` with double `d` exactly (no rounding), as CPython does:
 * -1, 0, 1 for i < d, i == d, i > d; 2 when d is a NaN. */
int wf_int_compare_double(PyObject *i, double d);
/* Arithmetic on two ints (exact int operands; subclasses are read as int),
 * Python semantics and messages. */
PyObject *wf_int_add(PyObject *a, PyObject *b);
PyObject *wf_int_sub(PyObject *a, PyObject *b);
PyObject *wf_int_mul(PyObject *a, PyObject *b);
PyObject *wf_int_floordiv(PyObject *a, PyObject *b);
PyObject *wf_int_mod(PyObject *a, PyObject *b);
PyObject *wf_int_divmod(PyObject *a, PyObject *b); /* a tuple */
PyObject *wf_int_truediv(PyObject *a, PyObject *b);
PyObject *wf_int_pow(PyObject *a, PyObject *b, PyObject *mod); /* mod NULL or None: 2-arg */
PyObject *wf_int_neg(PyObject *a);
PyObject *wf_int_abs(PyObject *a);
PyObject *wf_int_invert(PyObject *a);
PyObject *wf_int_lshift(PyObject *a, PyObject *b);
PyObject *wf_int_rshift(PyObject *a, PyObject *b);
PyObject *wf_int_and(PyObject *a, PyObject *b);
PyObject *wf_int_or(PyObject *a, PyObject *b);
PyObject *wf_int_xor(PyObject *a, PyObject *b);
/* An exact int with the same value as int-subclass `o` (o itself if exact). */
PyObject *wf_int_exact(PyObject *o);
/* math.gcd of two ints. */
PyObject *wf_int_gcd(PyObject *a, PyObject *b);
/* Number of bits of |o| (int.bit_length). */
uint64_t wf_int_bit_length(PyObject *o);

/* sys.get_int_max_str_digits / sys.set_int_max_str_digits: the process-wide
 * limit (0 = none; otherwise >= 640, checked by the caller). Relaxed atomic. */
int wf_int_get_max_str_digits(void);
void wf_int_set_max_str_digits(int n);

#endif
