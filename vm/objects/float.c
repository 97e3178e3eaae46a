/* float: CPython 3.11's PyFloatObject (one double), over vm/lib/wf_float.h
 * for every conversion to and from text.
 *
 * Arithmetic follows python3.11 exactly: operands are floats or ints (an
 * int converts exactly or raises "int too large to convert to float");
 * % and // take the sign of the divisor and are computed from fmod so that
 * divmod(x, y) == (x // y, x % y) and x == (x // y) * y + x % y as closely
 * as doubles allow; ** follows C99 Annex F pow with Python's errors and
 * gives a complex result for a negative base and a fractional exponent.
 * Comparisons with ints are exact (wf_int_compare_double): no rounding.
 * floats are immutable: built, then published.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dict.h"
#include "errors.h"
#include "floatobject.h"
#include "int_internal.h"
#include "protocol.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"
#include "wf_float.h"
#include "wf_hash.h"

#define FVAL(o) (((PyFloatObject *)(o))->ob_fval)

static PyObject *float_subtype_from_double(PyTypeObject *type, double v) {
  if (type == &wf_float_type) return wf_float_from_double(v);
  PyObject *o = type->tp_alloc ? type->tp_alloc(type, 0) : wf_type_generic_alloc(type, 0);
  if (!o) return NULL;
  ((PyFloatObject *)o)->ob_fval = v;
  return o;
}

double wf_float_as_double(PyObject *o) {
  if (WF_TYPE(o) == &wf_float_type) return FVAL(o);
  if (wf_int_check(o)) return wf_int_as_double(o);
  PyNumberMethods *nb = WF_TYPE(o)->tp_as_number;
  if (nb && nb->nb_float) {
    PyObject *r = nb->nb_float(o);
    if (!r) return -1.0;
    if (!wf_float_check(r)) {
      wf_err_format(&wf_TypeError_type, "%.50s.__float__ returned non-float (type %.50s)", WF_TYPE(o)->tp_name,
                    WF_TYPE(r)->tp_name);
      return -1.0;
    }
    return FVAL(r);
  }
  if (nb && nb->nb_index) {
    PyObject *i = wf_number_index(o);
    if (!i) return -1.0;
    return wf_int_as_double(i);
  }
  wf_err_format(&wf_TypeError_type, "must be real number, not %.50s", WF_TYPE(o)->tp_name);
  return -1.0;
}

int wf_float_convert_(PyObject *o, double *out) {
  if (wf_float_check(o)) {
    *out = FVAL(o);
    return 1;
  }
  if (wf_int_check(o)) {
    double d = wf_int_as_double(o);
    if (d == -1.0 && wf_err_occurred()) return -1;
    *out = d;
    return 1;
  }
  return 0;
}

/* ---- Parsing: float(str) ---- */

static PyObject *parse_error(PyObject *orig) {
  return wf_err_format(&wf_ValueError_type, "could not convert string to float: %R", orig);
}

static int parse_ascii(const char *s, size_t n, PyObject *orig, double *out) {
  int st = wf_float_parse(s, n, WF_FLOAT_PARSE_PYTHON, out, NULL);
  if (st == WF_FLOAT_INVALID) {
    parse_error(orig);
    return -1;
  }
  return 0;
}

/* float(x) for a str, bytes, bytearray or buffer: 1 with *out, 0 if x is
 * none of these, -1 on error. */
static int float_from_text(PyObject *o, double *out) {
  if (wf_str_check(o)) {
    PyASCIIObject *a = (PyASCIIObject *)o;
    if (a->state.ascii && a->state.compact) return parse_ascii((const char *)(a + 1), (size_t)a->length, o, out) < 0 ? -1 : 1;
    Py_ssize_t n;
    uint32_t *cps = wf_numbers_str_ucs4_(o, &n);
    if (!cps) return -1;
    char *buf = malloc((size_t)n + 1);
    if (!buf) {
      free(cps);
      wf_err_no_memory();
      return -1;
    }
    wf_numbers_to_ascii_(cps, n, buf);
    free(cps);
    int r = parse_ascii(buf, (size_t)n, o, out);
    free(buf);
    return r < 0 ? -1 : 1;
  }
  const char *data;
  Py_ssize_t n;
  PyObject *keep = NULL;
  WF_GC_ROOT(keep);
  int k = wf_numbers_get_bytes_(o, true, &data, &n, &keep);
  if (k <= 0) return k;
  return parse_ascii(data, (size_t)n, o, out) < 0 ? -1 : 1;
}

PyObject *wf_float_from_object(PyObject *o) {
  if (WF_TYPE(o) == &wf_float_type) return o;
  PyNumberMethods *nb = WF_TYPE(o)->tp_as_number;
  if (nb && nb->nb_float) {
    PyObject *r = nb->nb_float(o);
    if (!r) return NULL;
    if (WF_TYPE(r) == &wf_float_type) return r;
    if (!wf_float_check(r))
      return wf_err_format(&wf_TypeError_type, "%.50s.__float__ returned non-float (type %.50s)", WF_TYPE(o)->tp_name,
                           WF_TYPE(r)->tp_name);
    return wf_float_from_double(FVAL(r));
  }
  if (nb && nb->nb_index) {
    PyObject *i = wf_number_index(o);
    if (!i) return NULL;
    double d = wf_int_as_double(i);
    if (d == -1.0 && wf_err_occurred()) return NULL;
    return wf_float_from_double(d);
  }
  double d;
  int k = float_from_text(o, &d);
  if (k < 0) return NULL;
  if (k == 0)
    return wf_err_format(&wf_TypeError_type, "float() argument must be a string or a real number, not '%.200s'",
                         WF_TYPE(o)->tp_name);
  return wf_float_from_double(d);
}

PyObject *wf_float_from_string(const char *s, Py_ssize_t n) {
  PyObject *str = wf_str_from_utf8(s, n);
  if (!str) return NULL;
  double d;
  if (float_from_text(str, &d) < 0) return NULL;
  return wf_float_from_double(d);
}

/* ---- repr, hash, compare ---- */

PyObject *wf_float_to_str(PyObject *o) {
  char buf[WF_FLOAT_REPR_MAX];
  size_t n = wf_float_repr(FVAL(o), buf, sizeof buf);
  return wf_str_from_utf8(buf, (Py_ssize_t)n);
}

static PyObject *float_repr(PyObject *o) { return wf_float_to_str(o); }
static Py_hash_t float_hash(PyObject *o) { return wf_hash_double(FVAL(o), o); }

static PyObject *cmp_result(int c, int op) {
  /* c == 2: unordered (NaN). */
  bool r;
  if (c == 2) return wf_bool_from(op == Py_NE);
  switch (op) {
  case Py_LT: r = c < 0; break;
  case Py_LE: r = c <= 0; break;
  case Py_EQ: r = c == 0; break;
  case Py_NE: r = c != 0; break;
  case Py_GT: r = c > 0; break;
  default: r = c >= 0; break;
  }
  return wf_bool_from(r);
}

static PyObject *float_richcompare(PyObject *a, PyObject *b, int op) {
  if (!wf_float_check(a)) return WF_NOTIMPLEMENTED;
  double x = FVAL(a);
  if (wf_float_check(b)) {
    double y = FVAL(b);
    if (isnan(x) || isnan(y)) return cmp_result(2, op);
    return cmp_result((x > y) - (x < y), op);
  }
  if (wf_int_check(b)) {
    int c = wf_int_compare_double(b, x);
    if (c != 2) c = -c;
    return cmp_result(c, op);
  }
  return WF_NOTIMPLEMENTED;
}

/* ---- Arithmetic ---- */

#define CONVERT2(a, b, x, y)                     \
  double x, y;                                   \
  do {                                           \
    int k_ = wf_float_convert_(a, &x);           \
    if (k_ < 0) return NULL;                     \
    if (k_ == 0) return WF_NOTIMPLEMENTED;       \
    k_ = wf_float_convert_(b, &y);               \
    if (k_ < 0) return NULL;                     \
    if (k_ == 0) return WF_NOTIMPLEMENTED;       \
  } while (0)

static PyObject *zerodiv(const char *msg) { return wf_err_set_string(&wf_ZeroDivisionError_type, msg); }

static PyObject *float_add(PyObject *a, PyObject *b) {
  CONVERT2(a, b, x, y);
  return wf_float_from_double(x + y);
}
static PyObject *float_sub(PyObject *a, PyObject *b) {
  CONVERT2(a, b, x, y);
  return wf_float_from_double(x - y);
}
static PyObject *float_mul(PyObject *a, PyObject *b) {
  CONVERT2(a, b, x, y);
  return wf_float_from_double(x * y);
}
static PyObject *float_truediv(PyObject *a, PyObject *b) {
  CONVERT2(a, b, x, y);
  if (y == 0.0) return zerodiv("float division by zero");
  return wf_float_from_double(x / y);
}

/* Python's floored modulo: the result has the sign of y (a zero result
 * gets y's sign too). */
static double float_mod_dd(double x, double y) {
  double m = fmod(x, y);
  if (m != 0.0) {
    if ((y < 0) != (m < 0)) m += y;
  } else {
    m = copysign(0.0, y);
  }
  return m;
}

/* floor(x / y) and x mod y, consistent with each other. */
static void float_divmod_dd(double x, double y, double *q, double *m) {
  double mod = fmod(x, y);
  double div = (x - mod) / y; /* exact multiple of y divided: near-integer */
  if (mod != 0.0) {
    if ((y < 0) != (mod < 0)) {
      mod += y;
      div -= 1.0;
    }
  } else {
    mod = copysign(0.0, y);
  }
  double fd;
  if (div != 0.0) {
    fd = floor(div);
    if (div - fd > 0.5) fd += 1.0;
  } else {
    fd = copysign(0.0, x / y);
  }
  *q = fd;
  *m = mod;
}

static PyObject *float_mod(PyObject *a, PyObject *b) {
  CONVERT2(a, b, x, y);
  if (y == 0.0) return zerodiv("float modulo");
  return wf_float_from_double(float_mod_dd(x, y));
}
static PyObject *float_floordiv(PyObject *a, PyObject *b) {
  CONVERT2(a, b, x, y);
  if (y == 0.0) return zerodiv("float floor division by zero");
  double q, m;
  float_divmod_dd(x, y, &q, &m);
  return wf_float_from_double(q);
}
static PyObject *float_divmod(PyObject *a, PyObject *b) {
  CONVERT2(a, b, x, y);
  if (y == 0.0) return zerodiv("float divmod()");
  double q, m;
  float_divmod_dd(x, y, &q, &m);
  return wf_tuple_pack(2, wf_float_from_double(q), wf_float_from_double(m));
}

static bool is_odd_integer(double w) { return fmod(fabs(w), 2.0) == 1.0; }

PyObject *wf_complex_pow_(Py_complex a, Py_complex b);

PyObject *wf_float_pow_doubles_(double iv, double iw) {
  if (iw == 0.0) return wf_float_from_double(1.0);
  if (isnan(iv)) return wf_float_from_double(iv);
  if (isnan(iw)) return wf_float_from_double(iv == 1.0 ? 1.0 : iw);
  if (isinf(iw)) {
    double av = fabs(iv);
    if (av == 1.0) return wf_float_from_double(1.0);
    if ((iw > 0) == (av > 1.0)) return wf_float_from_double(fabs(iw));
    return wf_float_from_double(0.0);
  }
  if (isinf(iv)) {
    bool odd = is_odd_integer(iw);
    if (iw > 0) return wf_float_from_double(odd ? iv : fabs(iv));
    return wf_float_from_double(odd ? copysign(0.0, iv) : 0.0);
  }
  if (iv == 0.0) {
    bool odd = is_odd_integer(iw);
    if (iw < 0.0) return zerodiv("0.0 cannot be raised to a negative power");
    return wf_float_from_double(odd ? iv : 0.0);
  }
  bool negate = false;
  if (iv < 0.0) {
    if (iw != floor(iw)) return wf_complex_pow_((Py_complex){iv, 0.0}, (Py_complex){iw, 0.0});
    iv = -iv;
    negate = is_odd_integer(iw);
  }
  if (iv == 1.0) return wf_float_from_double(negate ? -1.0 : 1.0);
  errno = 0;
  double ix = pow(iv, iw);
  if (isinf(ix)) {
    PyObject *msg = wf_str_from_cstr("Numerical result out of range");
    if (!msg) return NULL;
    PyObject *args = wf_tuple_pack(2, wf_int_from_int64(ERANGE), msg);
    if (!args) return NULL;
    return wf_err_set_object(&wf_OverflowError_type, args);
  }
  return wf_float_from_double(negate ? -ix : ix);
}

static PyObject *float_pow(PyObject *a, PyObject *b, PyObject *c) {
  if (c != NULL && c != WF_NONE)
    return wf_err_set_string(&wf_TypeError_type, "pow() 3rd argument not allowed unless all arguments are integers");
  CONVERT2(a, b, x, y);
  return wf_float_pow_doubles_(x, y);
}

static PyObject *float_neg(PyObject *a) { return wf_float_from_double(-FVAL(a)); }
static PyObject *float_pos(PyObject *a) { return WF_TYPE(a) == &wf_float_type ? a : wf_float_from_double(FVAL(a)); }
static PyObject *float_abs(PyObject *a) { return wf_float_from_double(fabs(FVAL(a))); }
static int float_bool(PyObject *a) { return FVAL(a) != 0.0; }
static PyObject *float_int(PyObject *a) { return wf_int_from_double(FVAL(a)); }

static PyNumberMethods float_as_number = {
    .nb_add = float_add,
    .nb_subtract = float_sub,
    .nb_multiply = float_mul,
    .nb_remainder = float_mod,
    .nb_divmod = float_divmod,
    .nb_power = float_pow,
    .nb_negative = float_neg,
    .nb_positive = float_pos,
    .nb_absolute = float_abs,
    .nb_bool = float_bool,
    .nb_int = float_int,
    .nb_float = float_pos,
    .nb_floor_divide = float_floordiv,
    .nb_true_divide = float_truediv,
};

/* ---- Methods ---- */

static PyObject *float_conjugate(PyObject *self, PyObject *unused) { return float_pos(self); }
static PyObject *float_trunc(PyObject *self, PyObject *unused) { return wf_int_from_double(FVAL(self)); }
static PyObject *float_floor(PyObject *self, PyObject *unused) { return wf_int_from_double(floor(FVAL(self))); }
static PyObject *float_ceil(PyObject *self, PyObject *unused) { return wf_int_from_double(ceil(FVAL(self))); }

static PyObject *float_is_integer(PyObject *self, PyObject *unused) {
  double x = FVAL(self);
  if (!isfinite(x)) return WF_FALSE;
  return wf_bool_from(floor(x) == x);
}

static PyObject *float_hex(PyObject *self, PyObject *unused) {
  char buf[WF_FLOAT_HEX_MAX];
  size_t n = wf_float_hex(FVAL(self), buf, sizeof buf);
  return wf_str_from_utf8(buf, (Py_ssize_t)n);
}

static PyObject *float_fromhex(PyObject *cls, PyObject *arg) {
  if (!wf_str_check(arg))
    return wf_err_format(&wf_TypeError_type, "fromhex() argument must be str, not %.50s", WF_TYPE(arg)->tp_name);
  Py_ssize_t n;
  uint32_t *cps = wf_numbers_str_ucs4_(arg, &n);
  if (!cps) return NULL;
  char *buf = malloc((size_t)n + 1);
  if (!buf) {
    free(cps);
    return wf_err_no_memory();
  }
  /* Only ASCII whitespace and hex syntax are accepted: map non-ASCII to an
   * invalid byte, except Unicode whitespace which float.fromhex strips. */
  for (Py_ssize_t i = 0; i < n; i++) {
    uint32_t c = cps[i];
    buf[i] = c < 128 ? (char)c : '?';
  }
  buf[n] = 0;
  free(cps);
  double d;
  int st = wf_float_fromhex(buf, (size_t)n, &d);
  free(buf);
  if (st == WF_FLOAT_INVALID)
    return wf_err_set_string(&wf_ValueError_type, "invalid hexadecimal floating-point string");
  if (st == WF_FLOAT_OVERFLOW)
    return wf_err_set_string(&wf_OverflowError_type, "hexadecimal value too large to represent as a float");
  PyTypeObject *type = (PyTypeObject *)cls;
  PyObject *r = wf_float_from_double(d);
  if (type == &wf_float_type) return r;
  return wf_call_one(cls, r);
}

static PyObject *float_as_integer_ratio(PyObject *self, PyObject *unused) {
  double x = FVAL(self);
  if (isinf(x)) return wf_err_set_string(&wf_OverflowError_type, "cannot convert Infinity to integer ratio");
  if (isnan(x)) return wf_err_set_string(&wf_ValueError_type, "cannot convert NaN to integer ratio");
  int e;
  double m = frexp(x, &e);
  for (int i = 0; i < 300 && m != floor(m); i++) {
    m *= 2.0;
    e--;
  }
  PyObject *num = wf_int_from_double(m);
  if (!num) return NULL;
  PyObject *den = WF_INT_SMALL(1);
  PyObject *sh = wf_int_from_int64(e < 0 ? -e : e);
  if (e > 0)
    num = wf_int_lshift(num, sh);
  else
    den = wf_int_lshift(den, sh);
  if (!num || !den) return NULL;
  return wf_tuple_pack(2, num, den);
}

/* round(x): half to even, an int. round(x, n): a float. */
static PyObject *float_round(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("__round__", nargs, 0, 1) < 0) return NULL;
  double x = FVAL(self);
  if (nargs == 0 || args[0] == WF_NONE) {
    double r = round(x);
    if (fabs(x - r) == 0.5) r = 2.0 * round(x / 2.0);
    return wf_int_from_double(r);
  }
  Py_ssize_t nd = wf_number_as_ssize_t(args[0], NULL);
  if (nd == -1 && wf_err_occurred()) return NULL;
  double out;
  if (wf_float_round(x, nd, &out) == WF_FLOAT_OVERFLOW)
    return wf_err_set_string(&wf_OverflowError_type, "rounded value too large to represent");
  return wf_float_from_double(out);
}

static PyObject *float_getnewargs(PyObject *self, PyObject *unused) {
  return wf_tuple_pack(1, wf_float_from_double(FVAL(self)));
}

static PyObject *float_getformat(PyObject *cls, PyObject *arg) {
  if (!wf_str_check(arg))
    return wf_err_format(&wf_TypeError_type, "__getformat__() argument must be str, not %.50s", WF_TYPE(arg)->tp_name);
  if (!wf_str_equal_cstr(arg, "double") && !wf_str_equal_cstr(arg, "float"))
    return wf_err_set_string(&wf_ValueError_type, "__getformat__() argument 1 must be 'double' or 'float'");
  return wf_str_from_cstr("IEEE, little-endian");
}

PyObject *wf_float_format_spec(PyObject *self, const char *spec, Py_ssize_t n) {
  if (n == 0) return wf_object_str(self);
  wf_format_spec fs;
  int err = wf_format_spec_parse(spec, (size_t)n, 0, '>', &fs);
  char small[256];
  size_t len = 0;
  if (err == WF_FMT_OK) err = wf_float_format(FVAL(self), &fs, small, sizeof small, &len);
  if (err == WF_FMT_OK) {
    if (len < sizeof small) return wf_str_from_utf8(small, (Py_ssize_t)len);
    char *big = malloc(len + 1);
    if (!big) return wf_err_no_memory();
    wf_float_format(FVAL(self), &fs, big, len + 1, &len);
    PyObject *r = wf_str_from_utf8(big, (Py_ssize_t)len);
    free(big);
    return r;
  }
  if (err == WF_FMT_ERR_NO_MEMORY) return wf_err_no_memory();
  char msg[512];
  wf_format_error_text(err, &fs, spec, (size_t)n, WF_TYPE(self)->tp_name, "float", msg, sizeof msg);
  return wf_err_set_string(&wf_ValueError_type, msg);
}

static PyObject *float_format_meth(PyObject *self, PyObject *arg) {
  if (!wf_str_check(arg))
    return wf_err_format(&wf_TypeError_type, "__format__() argument must be str, not %.50s", WF_TYPE(arg)->tp_name);
  Py_ssize_t n;
  const char *s = wf_str_as_utf8(arg, &n);
  if (!s) return NULL;
  return wf_float_format_spec(self, s, n);
}

static PyObject *float_get_real(PyObject *self, void *c) { return float_pos(self); }
static PyObject *float_get_imag(PyObject *self, void *c) { return wf_float_from_double(0.0); }

static PyObject *float_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  if (kwds && wf_dict_size(kwds) > 0) return wf_err_set_string(&wf_TypeError_type, "float() takes no keyword arguments");
  Py_ssize_t n = args ? WF_SIZE(args) : 0;
  if (n > 1) return wf_err_format(&wf_TypeError_type, "float expected at most 1 argument, got %zd", n);
  if (n == 0) return float_subtype_from_double(type, 0.0);
  PyObject *x = WF_TUPLE_GET(args, 0);
  PyObject *r = wf_float_from_object(x);
  if (!r || type == &wf_float_type) return r;
  return float_subtype_from_double(type, FVAL(r));
}

static PyMethodDef float_methods[] = {
    {"conjugate", float_conjugate, METH_NOARGS, "Return self, the complex conjugate of any float."},
    {"__trunc__", float_trunc, METH_NOARGS, "Return the Integral closest to x between 0 and x."},
    {"__floor__", float_floor, METH_NOARGS, "Return the floor as an Integral."},
    {"__ceil__", float_ceil, METH_NOARGS, "Return the ceiling as an Integral."},
    {"__round__", (PyCFunction)(void (*)(void))float_round, METH_FASTCALL,
     "Return the Integral closest to x, rounding half toward even.\n\n"
     "When an argument is passed, work like built-in round(x, ndigits)."},
    {"as_integer_ratio", float_as_integer_ratio, METH_NOARGS,
     "Return integer ratio.\n\nReturn a pair of integers, whose ratio is exactly equal to the original float\n"
     "and with a positive denominator.\n\nRaise OverflowError on infinities and a ValueError on NaNs.\n\n"
     ">>> (10.0).as_integer_ratio()\n(10, 1)\n>>> (0.0).as_integer_ratio()\n(0, 1)\n"
     ">>> (-.25).as_integer_ratio()\n(-1, 4)"},
    {"fromhex", float_fromhex, METH_O | METH_CLASS,
     "Create a floating-point number from a hexadecimal string.\n\n>>> float.fromhex('0x1.ffffp10')\n2047.984375\n"
     ">>> float.fromhex('-0x1p-1074')\n-5e-324"},
    {"hex", float_hex, METH_NOARGS,
     "Return a hexadecimal representation of a floating-point number.\n\n>>> (-0.1).hex()\n"
     "'-0x1.999999999999ap-4'\n>>> 3.14159.hex()\n'0x1.921f9f01b866ep+1'"},
    {"is_integer", float_is_integer, METH_NOARGS, "Return True if the float is an integer."},
    {"__getnewargs__", float_getnewargs, METH_NOARGS, NULL},
    {"__getformat__", float_getformat, METH_O | METH_CLASS,
     "You probably don't want to use this function.\n\n  typestr\n    Must be 'double' or 'float'.\n\n"
     "It exists mainly to be used in Python's test suite.\n\n"
     "This function returns whichever of 'unknown', 'IEEE, big-endian' or 'IEEE,\n"
     "little-endian' best describes the format of floating point numbers used by the\n"
     "C type named by typestr."},
    {"__format__", float_format_meth, METH_O, "Formats the float according to format_spec."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef float_getset[] = {
    {"real", float_get_real, NULL, "the real part of a complex number", NULL},
    {"imag", float_get_imag, NULL, "the imaginary part of a complex number", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject wf_float_type = {
    .ob_base = {.ob_base = {.ob_refcnt = 1, .ob_type = &wf_type_type}},
    .tp_name = "float",
    .tp_basicsize = sizeof(PyFloatObject),
    .tp_repr = float_repr,
    .tp_as_number = &float_as_number,
    .tp_hash = float_hash,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_MATCH_SELF | Py_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "Convert a string or number to a floating point number, if possible.",
    .tp_richcompare = float_richcompare,
    .tp_methods = float_methods,
    .tp_getset = float_getset,
    .tp_new = float_new,
};
