/* complex: CPython 3.11's PyComplexObject (two doubles).
 *
 * Arithmetic follows python3.11 bit for bit: operands are complex, float or
 * int (converted to complex(x, 0.0) first, so inf/nan propagate as in 3.11);
 * division is Smith's algorithm; integer exponents with |n| <= 100 use
 * binary powering, other exponents the polar form; a result with an
 * infinite part raises OverflowError("complex exponentiation"). No % // or
 * divmod (removed in 3.10). Text: repr and format print each part with the
 * float routines (wf_float_to_string), complex(str) parses with
 * wf_float_parse on prefixes.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict.h"
#include "errors.h"
#include "floatobject.h"
#include "int_internal.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"
#include "wf_float.h"
#include "wf_hash.h"

#define CVAL(o) (((PyComplexObject *)(o))->cval)

PyObject *wf_complex_from_doubles(double re, double im) {
  PyComplexObject *c = (PyComplexObject *)wf_object_alloc(&wf_complex_type, sizeof(PyComplexObject));
  c->cval.real = re;
  c->cval.imag = im;
  return (PyObject *)c;
}

static PyObject *from_c(Py_complex c) { return wf_complex_from_doubles(c.real, c.imag); }

static PyObject *complex_subtype_from_c(PyTypeObject *type, Py_complex c) {
  if (type == &wf_complex_type) return from_c(c);
  PyObject *o = type->tp_alloc ? type->tp_alloc(type, 0) : wf_type_generic_alloc(type, 0);
  if (!o) return NULL;
  CVAL(o) = c;
  return o;
}

/* ---- Complex arithmetic on values ---- */

static Py_complex c_sum(Py_complex a, Py_complex b) { return (Py_complex){a.real + b.real, a.imag + b.imag}; }
static Py_complex c_diff(Py_complex a, Py_complex b) { return (Py_complex){a.real - b.real, a.imag - b.imag}; }
static Py_complex c_prod(Py_complex a, Py_complex b) {
  return (Py_complex){a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real};
}

/* Smith's algorithm; *zero set when b == 0. */
static Py_complex c_quot(Py_complex a, Py_complex b, bool *zero) {
  double abr = fabs(b.real), abi = fabs(b.imag);
  Py_complex r;
  *zero = false;
  if (abr >= abi) {
    if (abr == 0.0) {
      *zero = true;
      return (Py_complex){0.0, 0.0};
    }
    double ratio = b.imag / b.real;
    double denom = b.real + b.imag * ratio;
    r.real = (a.real + a.imag * ratio) / denom;
    r.imag = (a.imag - a.real * ratio) / denom;
  } else if (abi >= abr) {
    double ratio = b.real / b.imag;
    double denom = b.real * ratio + b.imag;
    r.real = (a.real * ratio + a.imag) / denom;
    r.imag = (a.imag * ratio - a.real) / denom;
  } else {
    r.real = r.imag = NAN; /* a NaN in b */
  }
  return r;
}

/* Polar-form power; *zero set for 0 ** (negative or complex). */
static Py_complex c_pow(Py_complex a, Py_complex b, bool *zero) {
  *zero = false;
  if (b.real == 0.0 && b.imag == 0.0) return (Py_complex){1.0, 0.0};
  if (a.real == 0.0 && a.imag == 0.0) {
    if (b.imag != 0.0 || b.real < 0.0) *zero = true;
    return (Py_complex){0.0, 0.0};
  }
  double vabs = hypot(a.real, a.imag);
  double len = pow(vabs, b.real);
  double at = atan2(a.imag, a.real);
  double phase = at * b.real;
  if (b.imag != 0.0) {
    len /= exp(at * b.imag);
    phase += b.imag * log(vabs);
  }
  return (Py_complex){len * cos(phase), len * sin(phase)};
}

static Py_complex c_powu(Py_complex x, long n) {
  Py_complex r = {1.0, 0.0}, p = x;
  for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
    if (n & mask) r = c_prod(r, p);
    p = c_prod(p, p);
  }
  return r;
}

static Py_complex c_powi(Py_complex x, long n, bool *zero) {
  *zero = false;
  if (n > 0) return c_powu(x, n);
  return c_quot((Py_complex){1.0, 0.0}, c_powu(x, -n), zero);
}

/* Errors as python3.11 reports them: from errno as the C library leaves it
 * (EDOM from cos/sin of an infinity, or a zero base), with ERANGE exactly
 * when a part of the result is infinite. */
PyObject *wf_complex_pow_(Py_complex a, Py_complex b) {
  bool zero;
  Py_complex p;
  errno = 0;
  if (b.imag == 0.0 && b.real == floor(b.real) && fabs(b.real) <= 100.0)
    p = c_powi(a, (long)b.real, &zero);
  else
    p = c_pow(a, b, &zero);
  int err = zero ? EDOM : errno;
  if (isinf(p.real) || isinf(p.imag)) {
    if (err == 0) err = ERANGE;
  } else if (err == ERANGE) {
    err = 0;
  }
  if (err == EDOM) return wf_err_set_string(&wf_ZeroDivisionError_type, "0.0 to a negative or complex power");
  if (err == ERANGE) return wf_err_set_string(&wf_OverflowError_type, "complex exponentiation");
  return from_c(p);
}

/* ---- Slots ---- */

/* 1 converted, 0 NotImplemented, -1 error. */
static int to_complex(PyObject *o, Py_complex *c) {
  if (wf_complex_check(o)) {
    *c = CVAL(o);
    return 1;
  }
  double d;
  int k = wf_float_convert_(o, &d);
  if (k <= 0) return k;
  *c = (Py_complex){d, 0.0};
  return 1;
}

#define CONVERT2(a, b, x, y)               \
  Py_complex x, y;                         \
  do {                                     \
    int k_ = to_complex(a, &x);            \
    if (k_ <= 0) return k_ < 0 ? NULL : WF_NOTIMPLEMENTED; \
    k_ = to_complex(b, &y);                \
    if (k_ <= 0) return k_ < 0 ? NULL : WF_NOTIMPLEMENTED; \
  } while (0)

static PyObject *complex_add(PyObject *a, PyObject *b) {
  CONVERT2(a, b, x, y);
  return from_c(c_sum(x, y));
}
static PyObject *complex_sub(PyObject *a, PyObject *b) {
  CONVERT2(a, b, x, y);
  return from_c(c_diff(x, y));
}
static PyObject *complex_mul(PyObject *a, PyObject *b) {
  CONVERT2(a, b, x, y);
  return from_c(c_prod(x, y));
}
static PyObject *complex_div(PyObject *a, PyObject *b) {
  CONVERT2(a, b, x, y);
  bool zero;
  Py_complex q = c_quot(x, y, &zero);
  if (zero) return wf_err_set_string(&wf_ZeroDivisionError_type, "complex division by zero");
  return from_c(q);
}
static PyObject *complex_pow(PyObject *a, PyObject *b, PyObject *m) {
  CONVERT2(a, b, x, y);
  if (m != NULL && m != WF_NONE) return wf_err_set_string(&wf_ValueError_type, "complex modulo");
  return wf_complex_pow_(x, y);
}
static PyObject *complex_neg(PyObject *a) { return wf_complex_from_doubles(-CVAL(a).real, -CVAL(a).imag); }
static PyObject *complex_pos(PyObject *a) { return WF_TYPE(a) == &wf_complex_type ? a : from_c(CVAL(a)); }
static PyObject *complex_abs(PyObject *a) {
  Py_complex c = CVAL(a);
  if (!isfinite(c.real) || !isfinite(c.imag)) {
    if (isinf(c.real) || isinf(c.imag)) return wf_float_from_double(INFINITY);
    return wf_float_from_double(NAN);
  }
  double r = hypot(c.real, c.imag);
  if (isinf(r)) return wf_err_set_string(&wf_OverflowError_type, "absolute value too large");
  return wf_float_from_double(r);
}
static int complex_bool(PyObject *a) { return CVAL(a).real != 0.0 || CVAL(a).imag != 0.0; }

static PyObject *complex_richcompare(PyObject *a, PyObject *b, int op) {
  if (op != Py_EQ && op != Py_NE) return WF_NOTIMPLEMENTED;
  if (!wf_complex_check(a)) return WF_NOTIMPLEMENTED;
  Py_complex x = CVAL(a);
  bool eq;
  if (wf_int_check(b)) {
    eq = x.imag == 0.0 && wf_int_compare_double(b, x.real) == 0;
  } else if (wf_float_check(b)) {
    eq = x.imag == 0.0 && x.real == wf_float_value(b);
  } else if (wf_complex_check(b)) {
    Py_complex y = CVAL(b);
    eq = x.real == y.real && x.imag == y.imag;
  } else {
    return WF_NOTIMPLEMENTED;
  }
  return wf_bool_from(op == Py_EQ ? eq : !eq);
}

static Py_hash_t complex_hash(PyObject *o) { return wf_hash_complex(CVAL(o).real, CVAL(o).imag, o); }

/* ---- repr and format ---- */

/* One part formatted: sign stripped into *neg; returns length. */
static size_t fmt_part(double x, char code, int64_t prec, unsigned flags, char *buf, size_t cap, bool *neg) {
  size_t n = wf_float_to_string(x, code, prec, flags, buf, cap);
  *neg = false;
  if (n > 0 && buf[0] == '-') {
    *neg = true;
    memmove(buf, buf + 1, n);
    n--;
  }
  return n;
}

PyObject *wf_complex_to_str(PyObject *o) {
  Py_complex c = CVAL(o);
  char re[40], im[40], out[100];
  bool rneg, ineg;
  size_t ni = fmt_part(c.imag, 'r', 0, 0, im, sizeof im, &ineg);
  int n;
  if (c.real == 0.0 && copysign(1.0, c.real) == 1.0) {
    n = snprintf(out, sizeof out, "%s%.*sj", ineg ? "-" : "", (int)ni, im);
  } else {
    size_t nr = fmt_part(c.real, 'r', 0, 0, re, sizeof re, &rneg);
    n = snprintf(out, sizeof out, "(%s%.*s%s%.*sj)", rneg ? "-" : "", (int)nr, re, ineg ? "-" : "+", (int)ni, im);
  }
  return wf_str_from_utf8(out, n);
}

static PyObject *complex_repr(PyObject *o) { return wf_complex_to_str(o); }

static PyObject *fmt_error(PyObject *o, int err, const wf_format_spec *fs, const char *spec, Py_ssize_t n) {
  if (err == WF_FMT_ERR_NO_MEMORY) return wf_err_no_memory();
  char msg[512];
  wf_format_error_text(err, fs, spec, (size_t)n, WF_TYPE(o)->tp_name, "complex", msg, sizeof msg);
  return wf_err_set_string(&wf_ValueError_type, msg);
}

/* Format one part with grouping and a sign (no width): appends to *out. */
static int fmt_grouped(double x, char code, int64_t prec, unsigned flags, const wf_format_spec *fs, char sign,
                       char **out, size_t *len, size_t *cap) {
  size_t need = wf_float_to_string(x, code, prec, flags, NULL, 0) + 2;
  char *digits = malloc(need);
  if (!digits) return -1;
  bool neg;
  size_t nd = fmt_part(x, code, prec, flags, digits, need, &neg);
  size_t ilen = 0;
  while (ilen < nd && digits[ilen] >= '0' && digits[ilen] <= '9') ilen++;
  wf_format_spec pfs = *fs;
  pfs.width = -1;
  pfs.sign = sign;
  pfs.fill = ' ';
  pfs.align = '>';
  wf_format_number num = {.negative = neg,
                          .int_digits = digits,
                          .int_len = ilen,
                          .rest = digits + ilen,
                          .rest_len = nd - ilen,
                          .group_size = 3};
  if (!isfinite(x)) {
    num.int_len = 0;
    num.rest = digits;
    num.rest_len = nd;
  }
  size_t pl = wf_format_pad_number(&pfs, &num, NULL, 0);
  if (*len + pl + 8 > *cap) {
    *cap = (*len + pl + 8) * 2;
    char *nb = realloc(*out, *cap);
    if (!nb) {
      free(digits);
      return -1;
    }
    *out = nb;
  }
  wf_format_pad_number(&pfs, &num, *out + *len, *cap - *len);
  *len += pl;
  free(digits);
  return 0;
}

PyObject *wf_complex_format_spec(PyObject *o, const char *spec, Py_ssize_t n) {
  if (n == 0) return wf_object_str(o);
  wf_format_spec fs;
  int err = wf_format_spec_parse(spec, (size_t)n, 0, '>', &fs);
  if (err != WF_FMT_OK) return fmt_error(o, err, &fs, spec, n);
  uint32_t t = fs.type;
  switch (t) {
  case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n':
    break;
  default:
    return fmt_error(o, WF_FMT_ERR_UNKNOWN_CODE, &fs, spec, n);
  }
  if (fs.fill == '0')
    return wf_err_set_string(&wf_ValueError_type, "Zero padding is not allowed in complex format specifier");
  if (fs.align == '=' )
    return wf_err_set_string(&wf_ValueError_type, "'=' alignment flag is not allowed in complex format specifier");
  if (fs.precision > 0x7fffffff) return wf_err_set_string(&wf_ValueError_type, "precision too big");
  Py_complex c = CVAL(o);
  char code = (char)t;
  int64_t defprec = 6;
  bool skip_re = false, parens = false;
  if (t == 0) {
    code = 'r';
    defprec = 0;
    if (c.real == 0.0 && copysign(1.0, c.real) == 1.0)
      skip_re = true;
    else
      parens = true;
  }
  if (code == 'n') code = 'g';
  int64_t prec = fs.precision;
  if (prec < 0)
    prec = defprec;
  else if (code == 'r')
    code = 'g';
  unsigned flags = 0;
  if (fs.alternate) flags |= WF_DTSF_ALT;
  if (fs.no_neg_0) flags |= WF_DTSF_NO_NEG_0;
  size_t cap = 128, len = 0;
  char *body = malloc(cap);
  if (!body) return wf_err_no_memory();
  if (parens) body[len++] = '(';
  int rc = 0;
  if (!skip_re) rc = fmt_grouped(c.real, code, prec, flags, &fs, fs.sign, &body, &len, &cap);
  if (!rc) rc = fmt_grouped(c.imag, code, prec, flags, &fs, skip_re ? fs.sign : '+', &body, &len, &cap);
  if (rc) {
    free(body);
    return wf_err_no_memory();
  }
  body[len++] = 'j';
  if (parens) body[len++] = ')';
  size_t total = wf_format_pad_text(&fs, body, len, len, NULL, 0);
  char *out = malloc(total + 1);
  if (!out) {
    free(body);
    return wf_err_no_memory();
  }
  wf_format_pad_text(&fs, body, len, len, out, total + 1);
  free(body);
  PyObject *r = wf_str_from_utf8(out, (Py_ssize_t)total);
  free(out);
  return r;
}

static PyObject *complex_format_meth(PyObject *self, PyObject *arg) {
  if (!wf_str_check(arg))
    return wf_err_format(&wf_TypeError_type, "__format__() argument must be str, not %.50s", WF_TYPE(arg)->tp_name);
  Py_ssize_t n;
  const char *s = wf_str_as_utf8(arg, &n);
  if (!s) return NULL;
  return wf_complex_format_spec(self, s, n);
}

/* ---- complex(str) ---- */

static bool is_sp(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static int parse_complex(const char *s, size_t n, Py_complex *out) {
  const char *p = s, *end = s + n;
  const unsigned fl = WF_FLOAT_PARSE_SPECIALS;
  while (p < end && is_sp(*p)) p++;
  bool bracket = false;
  if (p < end && *p == '(') {
    bracket = true;
    p++;
    while (p < end && is_sp(*p)) p++;
  }
  double x = 0.0, y = 0.0, v;
  size_t used = 0;
  int st = wf_float_parse(p, (size_t)(end - p), fl, &v, &used);
  if (st != WF_FLOAT_INVALID && used > 0) {
    const char *q = p + used;
    if (q < end && (*q == '+' || *q == '-')) {
      x = v;
      size_t u2 = 0;
      double w;
      int st2 = wf_float_parse(q, (size_t)(end - q), fl, &w, &u2);
      if (st2 != WF_FLOAT_INVALID && u2 > 0) {
        y = w;
        q += u2;
      } else {
        y = *q == '+' ? 1.0 : -1.0;
        q++;
      }
      if (q >= end || (*q != 'j' && *q != 'J')) return -1;
      p = q + 1;
    } else if (q < end && (*q == 'j' || *q == 'J')) {
      y = v;
      p = q + 1;
    } else {
      x = v;
      p = q;
    }
  } else {
    /* No number: "j", "+j", "-j". */
    if (p < end && (*p == '+' || *p == '-')) {
      y = *p == '+' ? 1.0 : -1.0;
      p++;
    } else {
      y = 1.0;
    }
    if (p >= end || (*p != 'j' && *p != 'J')) return -1;
    p++;
  }
  while (p < end && is_sp(*p)) p++;
  if (bracket) {
    if (p >= end || *p != ')') return -1;
    p++;
    while (p < end && is_sp(*p)) p++;
  }
  if (p != end) return -1;
  out->real = x;
  out->imag = y;
  return 0;
}

static PyObject *complex_from_str(PyTypeObject *type, PyObject *s) {
  Py_ssize_t n;
  uint32_t *cps = wf_numbers_str_ucs4_(s, &n);
  if (!cps) return NULL;
  char *buf = malloc((size_t)n + 1);
  if (!buf) {
    free(cps);
    return wf_err_no_memory();
  }
  wf_numbers_to_ascii_(cps, n, buf);
  free(cps);
  /* Underscores: each must sit between two digits; they are removed before
   * parsing (a misplaced one gives the "could not convert" message). */
  if (memchr(buf, '_', (size_t)n)) {
    size_t j = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
      if (buf[i] == '_') {
        bool ok = i > 0 && i + 1 < n && buf[i - 1] >= '0' && buf[i - 1] <= '9' && buf[i + 1] >= '0' && buf[i + 1] <= '9';
        if (!ok) {
          free(buf);
          return wf_err_format(&wf_ValueError_type, "could not convert string to complex: %R", s);
        }
        continue;
      }
      buf[j++] = buf[i];
    }
    n = (Py_ssize_t)j;
  }
  Py_complex c;
  int r = parse_complex(buf, (size_t)n, &c);
  free(buf);
  if (r < 0) return wf_err_set_string(&wf_ValueError_type, "complex() arg is a malformed string");
  return complex_subtype_from_c(type, c);
}

/* ---- complex(real, imag) ---- */

/* o.__complex__() if defined: 1 with *c, 0 if not defined, -1 error. */
static int try_complex_special(PyObject *o, Py_complex *c) {
  PyObject *f = wf_type_lookup(WF_TYPE(o), WF_ID(__complex__));
  if (!f) return 0;
  PyObject *r = wf_call_one(f, o);
  if (!r) return -1;
  if (!wf_complex_check(r)) {
    wf_err_format(&wf_TypeError_type, "__complex__ returned non-complex (type %.200s)", WF_TYPE(r)->tp_name);
    return -1;
  }
  *c = CVAL(r);
  return 1;
}

static bool is_number_like(PyObject *o) {
  PyNumberMethods *nb = WF_TYPE(o)->tp_as_number;
  return wf_complex_check(o) || (nb && (nb->nb_float || nb->nb_index));
}

static PyObject *complex_new_impl(PyTypeObject *type, PyObject *r, PyObject *i) {
  WF_GC_ROOT(type);
  WF_GC_ROOT(r);
  WF_GC_ROOT(i);
  if (!r) r = WF_INT_SMALL(0);
  if (wf_str_check(r)) {
    if (i) return wf_err_set_string(&wf_TypeError_type, "complex() can't take second arg if first is a string");
    return complex_from_str(type, r);
  }
  if (i && wf_str_check(i)) return wf_err_set_string(&wf_TypeError_type, "complex() second arg can't be a string");
  if (wf_complex_check(r) && WF_TYPE(r) == &wf_complex_type && !i && type == &wf_complex_type) return r;
  Py_complex cr = {0.0, 0.0}, ci = {0.0, 0.0};
  bool cr_is_complex = false, ci_is_complex = false;
  int k = try_complex_special(r, &cr);
  if (k < 0) return NULL;
  if (k > 0) cr_is_complex = true;
  if (!k && !is_number_like(r))
    return wf_err_format(&wf_TypeError_type, "complex() first argument must be a string or a number, not '%.200s'",
                         WF_TYPE(r)->tp_name);
  if (i && !is_number_like(i))
    return wf_err_format(&wf_TypeError_type, "complex() second argument must be a number, not '%.200s'",
                         WF_TYPE(i)->tp_name);
  if (!cr_is_complex) {
    if (wf_complex_check(r)) {
      cr = CVAL(r);
      cr_is_complex = true;
    } else {
      PyObject *f = wf_float_from_object(r);
      if (!f) return NULL;
      cr.real = wf_float_value(f);
    }
  }
  if (!i) {
    ci.real = cr.imag;
  } else if (wf_complex_check(i)) {
    ci = CVAL(i);
    ci_is_complex = true;
  } else {
    PyObject *f = wf_float_from_object(i);
    if (!f) return NULL;
    ci.real = wf_float_value(f);
  }
  if (ci_is_complex) cr.real -= ci.imag;
  if (cr_is_complex && i) ci.real += cr.imag;
  return complex_subtype_from_c(type, (Py_complex){cr.real, ci.real});
}

static PyObject *complex_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  Py_ssize_t nargs = args ? WF_SIZE(args) : 0;
  Py_ssize_t nkw = kwds ? wf_dict_size(kwds) : 0;
  if (nargs + nkw > 2)
    return wf_err_format(&wf_TypeError_type, "complex() takes at most 2 arguments (%zd given)", nargs + nkw);
  PyObject *a[2] = {nargs > 0 ? WF_TUPLE_GET(args, 0) : NULL, nargs > 1 ? WF_TUPLE_GET(args, 1) : NULL};
  if (nkw) {
    Py_ssize_t pos = 0;
    PyObject *k, *v;
    static const char *const names[] = {"real", "imag"};
    while (wf_dict_next(kwds, &pos, &k, &v)) {
      int idx = -1;
      for (int j = 0; j < 2; j++)
        if (wf_str_check(k) && wf_str_equal_cstr(k, names[j])) idx = j;
      if (idx < 0) return wf_err_format(&wf_TypeError_type, "'%U' is an invalid keyword argument for complex()", k);
      if (a[idx])
        return wf_err_format(&wf_TypeError_type, "argument for complex() given by name ('%s') and position (%d)",
                             names[idx], idx + 1);
      a[idx] = v;
    }
  }
  return complex_new_impl(type, a[0], a[1]);
}

PyObject *wf_complex_from_object(PyObject *o) { return complex_new_impl(&wf_complex_type, o, NULL); }

/* ---- Methods ---- */

static PyObject *complex_conjugate(PyObject *self, PyObject *unused) {
  return wf_complex_from_doubles(CVAL(self).real, -CVAL(self).imag);
}
static PyObject *complex_getnewargs(PyObject *self, PyObject *unused) {
  return wf_tuple_pack(2, wf_float_from_double(CVAL(self).real), wf_float_from_double(CVAL(self).imag));
}
static PyObject *complex_complex(PyObject *self, PyObject *unused) { return complex_pos(self); }
static PyObject *get_real(PyObject *self, void *c) { return wf_float_from_double(CVAL(self).real); }
static PyObject *get_imag(PyObject *self, void *c) { return wf_float_from_double(CVAL(self).imag); }

static PyMethodDef complex_methods[] = {
    {"conjugate", complex_conjugate, METH_NOARGS, "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."},
    {"__getnewargs__", complex_getnewargs, METH_NOARGS, NULL},
    {"__format__", complex_format_meth, METH_O,
     "Convert to a string according to format_spec."},
    {"__complex__", complex_complex, METH_NOARGS, "Convert complex to a complex."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef complex_getset[] = {
    {"real", get_real, NULL, "the real part of a complex number", NULL},
    {"imag", get_imag, NULL, "the imaginary part of a complex number", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyNumberMethods complex_as_number = {
    .nb_add = complex_add,
    .nb_subtract = complex_sub,
    .nb_multiply = complex_mul,
    .nb_power = complex_pow,
    .nb_negative = complex_neg,
    .nb_positive = complex_pos,
    .nb_absolute = complex_abs,
    .nb_bool = complex_bool,
    .nb_true_divide = complex_div,
};

PyTypeObject wf_complex_type = {
    .ob_base = {.ob_base = {.ob_refcnt = 1, .ob_type = &wf_type_type}},
    .tp_name = "complex",
    .tp_basicsize = sizeof(PyComplexObject),
    .tp_repr = complex_repr,
    .tp_as_number = &complex_as_number,
    .tp_hash = complex_hash,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "Create a complex number from a real part and an optional imaginary part.\n\n"
              "This is equivalent to (real + imag*1j) where imag defaults to 0.",
    .tp_richcompare = complex_richcompare,
    .tp_methods = complex_methods,
    .tp_getset = complex_getset,
    .tp_new = complex_new,
};
