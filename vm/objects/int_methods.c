/* int's methods and properties, int() (tp_new) and the PyNumber_Long rules
 * (wf_int_from_object). Argument errors use CPython's argument-clinic
 * wording (checked against python3.11). */
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "dict.h"
#include "errors.h"
#include "floatobject.h"
#include "int_internal.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"

/* ---- Argument parsing (clinic wording) ---- */

/* names[0..nall): the first npos may be positional; the rest are
 * keyword-only; the first nmin are required. out[] gets borrowed values or
 * NULL. */
static int parse_args(const char *fname, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                      const char *const *names, int npos, int nall, int nmin, PyObject **out) {
  Py_ssize_t nkw = kwnames ? WF_SIZE(kwnames) : 0;
  for (int i = 0; i < nall; i++) out[i] = NULL;
  if (nargs + nkw > nall) {
    wf_err_format(&wf_TypeError_type, "%s() takes at most %d argument%s (%zd given)", fname, nall,
                  nall == 1 ? "" : "s", nargs + nkw);
    return -1;
  }
  if (nargs > npos) {
    wf_err_format(&wf_TypeError_type, "%s() takes at most %d positional argument%s (%zd given)", fname, npos,
                  npos == 1 ? "" : "s", nargs);
    return -1;
  }
  for (Py_ssize_t i = 0; i < nargs; i++) out[i] = args[i];
  for (Py_ssize_t k = 0; k < nkw; k++) {
    PyObject *key = WF_TUPLE_GET(kwnames, k);
    int found = -1;
    for (int i = 0; i < nall; i++)
      if (wf_str_equal_cstr(key, names[i])) found = i;
    if (found < 0) {
      wf_err_format(&wf_TypeError_type, "'%U' is an invalid keyword argument for %s()", key, fname);
      return -1;
    }
    if (out[found]) {
      wf_err_format(&wf_TypeError_type, "argument for %s() given by name ('%s') and position (%d)", fname,
                    names[found], found + 1);
      return -1;
    }
    out[found] = args[nargs + k];
  }
  for (int i = 0; i < nmin; i++)
    if (!out[i]) {
      wf_err_format(&wf_TypeError_type, "%s() missing required argument '%s' (pos %d)", fname, names[i], i + 1);
      return -1;
    }
  return 0;
}

/* byteorder argument: 1 little, 0 big, -1 error. */
static int parse_byteorder(const char *fname, PyObject *o) {
  if (!o) return 0;
  if (!wf_str_check(o)) {
    wf_err_format(&wf_TypeError_type, "%s() argument 'byteorder' must be str, not %.50s", fname, WF_TYPE(o)->tp_name);
    return -1;
  }
  if (wf_str_equal_cstr(o, "little")) return 1;
  if (wf_str_equal_cstr(o, "big")) return 0;
  wf_err_set_string(&wf_ValueError_type, "byteorder must be either 'little' or 'big'");
  return -1;
}

/* ---- Methods ---- */

static PyObject *int_exact_meth(PyObject *self, PyObject *unused) { return wf_int_exact(self); }

static PyObject *int_bit_length(PyObject *self, PyObject *unused) {
  return wf_int_from_uint64(wf_bigint_bit_length(LONG_DIGITS(self), long_ndigits(self)));
}

static PyObject *int_bit_count(PyObject *self, PyObject *unused) {
  return wf_int_from_uint64(wf_bigint_bit_count(LONG_DIGITS(self), long_ndigits(self)));
}

static PyObject *int_as_integer_ratio(PyObject *self, PyObject *unused) {
  return wf_tuple_pack(2, wf_int_exact(self), WF_INT_SMALL(1));
}

static PyObject *int_getnewargs(PyObject *self, PyObject *unused) { return wf_tuple_pack(1, wf_int_exact(self)); }

static PyObject *int_sizeof(PyObject *self, PyObject *unused) {
  size_t n = long_ndigits(self);
  return wf_int_from_uint64((uint64_t)WF_TYPE(self)->tp_basicsize + (n ? n : 1) * sizeof(digit));
}

/* round(self, ndigits): ndigits >= 0 leaves an int unchanged; otherwise
 * round to a multiple of 10**-ndigits, halves to even. */
static PyObject *int_round(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (nargs > 1) return wf_err_format(&wf_TypeError_type, "__round__ expected at most 1 argument, got %zd", nargs);
  if (nargs == 0) return wf_int_exact(self); /* int.__round__(None) is a TypeError */
  PyObject *nd = wf_number_index(args[0]);
  if (!nd) return NULL;
  if (WF_SIZE(nd) >= 0) return wf_int_exact(self);
  /* 10**k > 2|self| whenever k exceeds self's decimal digit count + 1: 0. */
  uint64_t bits = wf_bigint_bit_length(LONG_DIGITS(self), long_ndigits(self));
  uint64_t maxdec = bits * 30103 / 100000 + 2;
  int64_t k;
  if (wf_bigint_to_int64(&k, LONG_DIGITS(nd), WF_SIZE(nd)) != 0 || -k > (int64_t)maxdec) return WF_INT_SMALL(0);
  k = -k;
  PyObject *p = wf_int_pow(WF_INT_SMALL(10), wf_int_from_int64(k), NULL);
  if (!p) return NULL;
  PyObject *t = wf_int_divmod(self, p);
  if (!t) return NULL;
  PyObject *q = WF_TUPLE_GET(t, 0), *r = WF_TUPLE_GET(t, 1);
  PyObject *r2 = wf_int_lshift(r, WF_INT_SMALL(1));
  if (!r2) return NULL;
  int c = wf_int_compare(r2, p);
  if (c > 0 || (c == 0 && (LONG_DIGITS(q)[0] & 1) && WF_SIZE(q) != 0)) {
    q = wf_int_add(q, WF_INT_SMALL(1));
    if (!q) return NULL;
  }
  return wf_int_mul(q, p);
}

static PyObject *int_to_bytes(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  static const char *const names[] = {"length", "byteorder", "signed"};
  PyObject *a[3];
  if (parse_args("to_bytes", args, nargs, kwnames, names, 2, 3, 0, a) < 0) return NULL;
  Py_ssize_t len = 1;
  if (a[0]) {
    PyObject *l = wf_number_index(a[0]);
    if (!l) return NULL;
    len = wf_int_as_ssize(l);
    if (len == -1 && wf_err_occurred()) return NULL;
    if (len < 0) return wf_err_set_string(&wf_ValueError_type, "length argument must be non-negative");
  }
  int little = parse_byteorder("to_bytes", a[1]);
  if (little < 0) return NULL;
  int is_signed = 0;
  if (a[2]) {
    is_signed = wf_object_is_true(a[2]);
    if (is_signed < 0) return NULL;
  }
  PyObject *b = wf_bytes_from_data(NULL, len);
  if (!b) return NULL;
  int st = wf_bigint_to_bytes((uint8_t *)wf_bytes_data(b), (size_t)len, LONG_DIGITS(self), WF_SIZE(self), little,
                              is_signed);
  if (st) return wf_int_raise_status_(st);
  return b;
}

static PyObject *int_from_bytes(PyObject *cls, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  static const char *const names[] = {"bytes", "byteorder", "signed"};
  PyObject *a[3];
  if (parse_args("from_bytes", args, nargs, kwnames, names, 2, 3, 1, a) < 0) return NULL;
  int little = parse_byteorder("from_bytes", a[1]);
  if (little < 0) return NULL;
  int is_signed = 0;
  if (a[2]) {
    is_signed = wf_object_is_true(a[2]);
    if (is_signed < 0) return NULL;
  }
  PyObject *src = a[0], *keep = NULL;
  WF_GC_ROOT(keep);
  WF_GC_ROOT(cls);
  const char *data;
  Py_ssize_t n;
  if (wf_byteslike_check(src)) {
    if (wf_byteslike_view(src, &data, &n, &keep) < 0) return NULL;
  } else {
    if (wf_str_check(src) || wf_int_check(src) || !(WF_TYPE(src)->tp_iter || WF_TYPE(src)->tp_as_sequence))
      return wf_err_format(&wf_TypeError_type, "cannot convert '%.200s' object to bytes", WF_TYPE(src)->tp_name);
    keep = wf_bytes_from_object(src);
    if (!keep) return NULL;
    data = wf_bytes_data(keep);
    n = wf_bytes_size(keep);
  }
  size_t cap = wf_bigint_from_bytes_size((size_t)n);
  if (wf_int_check_ndigits_(cap) < 0) return NULL;
  PyLongObject *r = wf_int_alloc_(cap);
  ptrdiff_t sr;
  wf_bigint_from_bytes(r->ob_digit, &sr, (const uint8_t *)data, (size_t)n, little, is_signed);
  PyObject *res = wf_int_finish_(r, sr);
  if ((PyTypeObject *)cls != &wf_int_type) return wf_call_one(cls, res);
  return res;
}

static PyObject *int_format_meth(PyObject *self, PyObject *arg) {
  if (!wf_str_check(arg))
    return wf_err_format(&wf_TypeError_type, "__format__() argument must be str, not %.50s", WF_TYPE(arg)->tp_name);
  Py_ssize_t n;
  const char *s = wf_str_as_utf8(arg, &n);
  if (!s) return NULL;
  return wf_int_format(self, s, n);
}

#define FASTCALL(f) (PyCFunction)(void (*)(void))(f)

PyMethodDef wf_int_methods_[] = {
    {"conjugate", int_exact_meth, METH_NOARGS, "Returns self, the complex conjugate of any int."},
    {"bit_length", int_bit_length, METH_NOARGS,
     "Number of bits necessary to represent self in binary.\n\n>>> bin(37)\n'0b100101'\n>>> (37).bit_length()\n6"},
    {"bit_count", int_bit_count, METH_NOARGS,
     "Number of ones in the binary representation of the absolute value of self.\n\n"
     "Also known as the population count.\n\n>>> bin(13)\n'0b1101'\n>>> (13).bit_count()\n3"},
    {"to_bytes", FASTCALL(int_to_bytes), METH_FASTCALL | METH_KEYWORDS, "Return an array of bytes representing an integer."},
    {"from_bytes", FASTCALL(int_from_bytes), METH_FASTCALL | METH_KEYWORDS | METH_CLASS,
     "Return the integer represented by the given array of bytes."},
    {"as_integer_ratio", int_as_integer_ratio, METH_NOARGS,
     "Return integer ratio.\n\nReturn a pair of integers, whose ratio is exactly equal to the original int\n"
     "and with a positive denominator.\n\n>>> (10).as_integer_ratio()\n(10, 1)\n>>> (-10).as_integer_ratio()\n"
     "(-10, 1)\n>>> (0).as_integer_ratio()\n(0, 1)"},
    {"__trunc__", int_exact_meth, METH_NOARGS, "Truncating an Integral returns itself."},
    {"__floor__", int_exact_meth, METH_NOARGS, "Flooring an Integral returns itself."},
    {"__ceil__", int_exact_meth, METH_NOARGS, "Ceiling of an Integral returns itself."},
    {"__round__", FASTCALL(int_round), METH_FASTCALL,
     "Rounding an Integral returns itself.\n\nRounding with an ndigits argument also returns an integer."},
    {"__getnewargs__", int_getnewargs, METH_NOARGS, NULL},
    {"__format__", int_format_meth, METH_O, NULL},
    {"__sizeof__", int_sizeof, METH_NOARGS, "Returns size in memory, in bytes."},
    {NULL, NULL, 0, NULL},
};

static PyObject *get_self(PyObject *self, void *c) { return wf_int_exact(self); }
static PyObject *get_zero(PyObject *self, void *c) { return WF_INT_SMALL(0); }
static PyObject *get_one(PyObject *self, void *c) { return WF_INT_SMALL(1); }

PyGetSetDef wf_int_getset_[] = {
    {"real", get_self, NULL, "the real part of a complex number", NULL},
    {"imag", get_zero, NULL, "the imaginary part of a complex number", NULL},
    {"numerator", get_self, NULL, "the numerator of a rational number in lowest terms", NULL},
    {"denominator", get_one, NULL, "the denominator of a rational number in lowest terms", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* ---- int(x) ---- */

PyObject *wf_int_from_object(PyObject *o) {
  if (wf_int_check_exact(o)) return o;
  PyNumberMethods *nb = WF_TYPE(o)->tp_as_number;
  if (nb && nb->nb_int) {
    PyObject *r = nb->nb_int(o);
    if (!r) return NULL;
    if (!wf_int_check(r))
      return wf_err_format(&wf_TypeError_type, "__int__ returned non-int (type %.200s)", WF_TYPE(r)->tp_name);
    return wf_int_exact(r);
  }
  if (nb && nb->nb_index) return wf_number_index(o);
  PyObject *trunc = wf_type_lookup(WF_TYPE(o), WF_ID(__trunc__));
  if (trunc) {
    WF_GC_ROOT(o);
    PyObject *r = wf_call_one(trunc, o);
    if (!r) return NULL;
    if (wf_int_check(r)) return wf_int_exact(r);
    if (!wf_index_check(r))
      return wf_err_format(&wf_TypeError_type, "__trunc__ returned non-Integral (type %.200s)", WF_TYPE(r)->tp_name);
    return wf_number_index(r);
  }
  if (wf_str_check(o) || wf_numbers_is_bytes_like_(o)) return wf_int_from_str_object(o, 10);
  if (wf_byteslike_check(o)) {
    const char *data;
    Py_ssize_t n;
    PyObject *keep = NULL;
    WF_GC_ROOT(keep);
    if (wf_byteslike_view(o, &data, &n, &keep) < 0) return NULL;
    /* Parsed as a bytes copy so the error message shows b'...'. */
    PyObject *b = wf_bytes_from_data(data, n);
    if (!b) return NULL;
    return wf_int_from_str_object(b, 10);
  }
  return wf_err_format(&wf_TypeError_type,
                       "int() argument must be a string, a bytes-like object or a real number, not '%.200s'",
                       WF_TYPE(o)->tp_name);
}

static PyObject *int_subtype_copy(PyTypeObject *type, PyObject *v) {
  size_t n = long_ndigits(v);
  PyObject *o = type->tp_alloc ? type->tp_alloc(type, (Py_ssize_t)(n ? n : 1))
                               : wf_type_generic_alloc(type, (Py_ssize_t)(n ? n : 1));
  if (!o) return NULL;
  memcpy(LONG_DIGITS(o), LONG_DIGITS(v), n * sizeof(digit));
  ((PyVarObject *)o)->ob_size = WF_SIZE(v);
  return o;
}

PyObject *wf_int_new_(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  Py_ssize_t nargs = args ? WF_SIZE(args) : 0;
  Py_ssize_t nkw = kwds ? wf_dict_size(kwds) : 0;
  if (nargs + nkw > 2) return wf_err_format(&wf_TypeError_type, "int() takes at most 2 arguments (%zd given)", nargs + nkw);
  PyObject *x = nargs > 0 ? WF_TUPLE_GET(args, 0) : NULL;
  PyObject *obase = nargs > 1 ? WF_TUPLE_GET(args, 1) : NULL;
  if (nkw) {
    Py_ssize_t pos = 0;
    PyObject *k, *v;
    while (wf_dict_next(kwds, &pos, &k, &v)) {
      if (wf_str_check(k) && wf_str_equal_cstr(k, "base") && !obase) {
        obase = v;
        continue;
      }
      if (wf_str_check(k) && wf_str_equal_cstr(k, "base"))
        return wf_err_set_string(&wf_TypeError_type, "argument for int() given by name ('base') and position (2)");
      return wf_err_format(&wf_TypeError_type, "'%U' is an invalid keyword argument for int()", k);
    }
  }
  WF_GC_ROOT(type);
  PyObject *r;
  if (!obase) {
    r = x ? wf_int_from_object(x) : WF_INT_SMALL(0);
  } else {
    if (!x) return wf_err_set_string(&wf_TypeError_type, "int() missing string argument");
    WF_GC_ROOT(x);
    Py_ssize_t base = wf_number_as_ssize_t(obase, NULL);
    if (base == -1 && wf_err_occurred()) return NULL;
    if ((base != 0 && base < 2) || base > 36)
      return wf_err_set_string(&wf_ValueError_type, "int() base must be >= 2 and <= 36, or 0");
    if (!wf_str_check(x) && !wf_numbers_is_bytes_like_(x))
      return wf_err_set_string(&wf_TypeError_type, "int() can't convert non-string with explicit base");
    r = wf_int_from_str_object(x, (int)base);
  }
  if (!r || type == &wf_int_type) return r;
  WF_GC_ROOT(r);
  return int_subtype_copy(type, r);
}
