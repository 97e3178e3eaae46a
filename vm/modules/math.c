/* The math module: python3.11's functions, constants and error behaviour
 * (ValueError "math domain error", OverflowError "math range error").
 * Floating-point functions use the C library (as CPython does on glibc);
 * fsum, hypot/dist and the integer functions are written here. */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "floatobject.h"
#include "int.h"
#include "list.h"
#include "module.h"
#include "modules.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"

/* ---- Helpers -------------------------------------------------------------------------- */

static PyObject *domain_error(void) { return wf_err_set_string(&wf_ValueError_type, "math domain error"); }
static PyObject *range_error(void) { return wf_err_set_string(&wf_OverflowError_type, "math range error"); }

/* A real number argument as a double: float, int, __float__, __index__. 0 or -1. */
static int as_double(PyObject *o, double *out) {
  if (wf_float_check_exact(o)) {
    *out = wf_float_value(o);
    return 0;
  }
  double d = wf_float_as_double(o);
  if (d == -1.0 && wf_err_occurred()) return -1;
  *out = d;
  return 0;
}

static PyObject *F(double d) { return wf_float_from_double(d); }

/* One-argument function with CPython's checks: a NaN from a non-NaN is a
 * domain error; an infinity from a finite argument is an overflow (when the
 * function can overflow) or a domain error (poles such as atanh(1)). */
static PyObject *math_1(PyObject *arg, double (*fn)(double), bool can_overflow) {
  double x;
  if (as_double(arg, &x) < 0) return NULL;
  errno = 0;
  double r = fn(x);
  if (isnan(r) && !isnan(x)) return domain_error();
  if (isinf(r) && isfinite(x)) return can_overflow ? range_error() : domain_error();
  return F(r);
}

#define MATH1(name, fn, ovf) \
  static PyObject *m_##name(PyObject *self, PyObject *arg) { (void)self; return math_1(arg, fn, ovf); }

MATH1(acos, acos, false)
MATH1(acosh, acosh, false)
MATH1(asin, asin, false)
MATH1(asinh, asinh, false)
MATH1(atan, atan, false)
MATH1(atanh, atanh, false)
MATH1(cbrt, cbrt, false)
MATH1(cos, cos, false)
MATH1(cosh, cosh, true)
MATH1(erf, erf, false)
MATH1(erfc, erfc, false)
MATH1(exp, exp, true)
MATH1(exp2, exp2, true)
MATH1(expm1, expm1, true)
MATH1(fabs, fabs, false)
MATH1(log1p, log1p, false)
MATH1(sin, sin, false)
MATH1(sinh, sinh, true)
MATH1(sqrt, sqrt, false)
MATH1(tan, tan, false)
MATH1(tanh, tanh, false)

static bool is_nonpositive_integer(double x) { return x <= 0 && floor(x) == x; }

/* gamma and lgamma as python3.11 computes them (so results agree to the
 * bit): the Lanczos approximation with g = 6.024680040776729583740234375
 * and the 13-term rational sum of Boost's lanczos13m53, exact factorials
 * for small integers, and the reflection formula for negative x. */
#define LANCZOS_N 13
static const double lanczos_g = 6.024680040776729583740234375;
static const double lanczos_g_minus_half = 5.524680040776729583740234375;
static const double lanczos_num[LANCZOS_N] = {
    23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
};
/* x(x+1)...(x+11) expanded */
static const double lanczos_den[LANCZOS_N] = {0.0,       39916800.0, 120543840.0, 150917976.0, 105258076.0,
                                               45995730.0, 13339535.0, 2637558.0,   357423.0,    32670.0,
                                               1925.0,     66.0,       1.0};
static const double m_pi = 3.141592653589793238462643383279502884197;
static const double m_logpi = 1.144729885849400174143427351353058711647;

/* The Lanczos sum num(x)/den(x), by Horner in x for small x and in 1/x
 * for large x (where powers of x would overflow). */
static double lanczos_sum(double x) {
  double num = 0.0, den = 0.0;
  if (x < 5.0) {
    for (int i = LANCZOS_N - 1; i >= 0; i--) {
      num = num * x + lanczos_num[i];
      den = den * x + lanczos_den[i];
    }
  } else {
    for (int i = 0; i < LANCZOS_N; i++) {
      num = num / x + lanczos_num[i];
      den = den / x + lanczos_den[i];
    }
  }
  return num / den;
}

/* sin(pi * x) with the argument reduced exactly first. */
static double sinpi(double x) {
  double y = fmod(fabs(x), 2.0), r;
  switch ((int)round(2.0 * y)) {
  case 0: r = sin(m_pi * y); break;
  case 1: r = cos(m_pi * (y - 0.5)); break;
  case 2: r = sin(m_pi * (1.0 - y)); break; /* not -sin(pi*(y-1)): keeps +0.0 at y == 1 */
  case 3: r = -cos(m_pi * (y - 1.5)); break;
  default: r = sin(m_pi * (y - 2.0)); break;
  }
  return copysign(1.0, x) * r;
}

static PyObject *m_gamma(PyObject *self, PyObject *arg) {
  (void)self;
  double x;
  if (as_double(arg, &x) < 0) return NULL;
  if (isnan(x) || x == INFINITY) return F(x);
  if (x == -INFINITY || x == 0.0 || is_nonpositive_integer(x)) return domain_error();
  if (x == floor(x) && x <= 23.0) {
    double f = 1.0; /* (x-1)!, exact below 23! */
    for (int i = 2; i < (int)x; i++) f *= i;
    return F(f);
  }
  double absx = fabs(x);
  if (absx < 1e-20) {
    double r = 1.0 / x;
    return isinf(r) ? range_error() : F(r);
  }
  if (absx > 200.0) {
    if (x < 0.0) return F(0.0 / sinpi(x));
    return range_error();
  }
  double y = absx + lanczos_g_minus_half, z;
  /* the rounding error of that sum, folded back in below */
  if (absx > lanczos_g_minus_half) {
    volatile double q = y - absx;
    z = q - lanczos_g_minus_half;
  } else {
    volatile double q = y - lanczos_g_minus_half;
    z = q - absx;
  }
  z = z * lanczos_g / y;
  double r;
  if (x < 0.0) {
    r = -m_pi / sinpi(absx) / absx * exp(y) / lanczos_sum(absx);
    r -= z * r;
    if (absx < 140.0) r /= pow(y, absx - 0.5);
    else {
      double half = pow(y, absx / 2.0 - 0.25); /* y**(absx-0.5) would overflow */
      r /= half;
      r /= half;
    }
  } else {
    r = lanczos_sum(absx) / exp(y);
    r += z * r;
    if (absx < 140.0) r *= pow(y, absx - 0.5);
    else {
      double half = pow(y, absx / 2.0 - 0.25);
      r *= half;
      r *= half;
    }
  }
  if (isinf(r)) return range_error();
  return F(r);
}

static PyObject *m_lgamma(PyObject *self, PyObject *arg) {
  (void)self;
  double x;
  if (as_double(arg, &x) < 0) return NULL;
  if (isnan(x)) return F(x);
  if (isinf(x)) return F(INFINITY);
  if (x == floor(x) && x <= 2.0) {
    if (x <= 0.0) return domain_error();
    return F(0.0); /* lgamma(1) == lgamma(2) == 0 exactly */
  }
  double absx = fabs(x);
  if (absx < 1e-20) return F(-log(absx));
  double r = log(lanczos_sum(absx)) - lanczos_g;
  r += (absx - 0.5) * (log(absx + lanczos_g - 0.5) - 1);
  if (x < 0.0) r = m_logpi - log(fabs(sinpi(absx))) - log(absx) - r; /* reflection */
  if (isinf(r)) return range_error();
  return F(r);
}

/* Two double arguments (METH_FASTCALL). */
static int two_doubles(const char *name, PyObject *const *args, Py_ssize_t nargs, double *x, double *y) {
  if (wf_arg_check_positional(name, nargs, 2, 2) < 0) return -1;
  if (as_double(args[0], x) < 0 || as_double(args[1], y) < 0) return -1;
  return 0;
}

static PyObject *m_atan2(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  (void)self;
  double x, y;
  if (two_doubles("atan2", args, nargs, &y, &x) < 0) return NULL;
  return F(atan2(y, x));
}

static PyObject *m_copysign(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  (void)self;
  double x, y;
  if (two_doubles("copysign", args, nargs, &x, &y) < 0) return NULL;
  return F(copysign(x, y));
}

static PyObject *m_fmod(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  (void)self;
  double x, y;
  if (two_doubles("fmod", args, nargs, &x, &y) < 0) return NULL;
  if (isinf(y) && isfinite(x)) return F(x);
  double r = fmod(x, y);
  if (isnan(r) && !isnan(x) && !isnan(y)) return domain_error();
  return F(r);
}

static PyObject *m_remainder(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  (void)self;
  double x, y;
  if (two_doubles("remainder", args, nargs, &x, &y) < 0) return NULL;
  if (isnan(x)) return F(x);
  if (isnan(y)) return F(y);
  if (isinf(x) || y == 0) return domain_error();
  if (isinf(y)) return F(x);
  return F(remainder(x, y));
}

static PyObject *m_pow(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  (void)self;
  double x, y;
  if (two_doubles("pow", args, nargs, &x, &y) < 0) return NULL;
  double r = pow(x, y);
  if (isfinite(x) && isfinite(y)) {
    if (isnan(r)) return domain_error();
    if (isinf(r)) return x == 0 ? domain_error() : range_error();
  }
  return F(r);
}

static PyObject *m_nextafter(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  (void)self;
  double x, y;
  if (two_doubles("nextafter", args, nargs, &x, &y) < 0) return NULL;
  return F(nextafter(x, y));
}

static PyObject *m_ulp(PyObject *self, PyObject *arg) {
  (void)self;
  double x;
  if (as_double(arg, &x) < 0) return NULL;
  if (isnan(x)) return F(x);
  x = fabs(x);
  if (isinf(x)) return F(x);
  double next = nextafter(x, INFINITY);
  if (isinf(next)) return F(x - nextafter(x, -INFINITY));
  return F(next - x);
}

static PyObject *m_degrees(PyObject *self, PyObject *arg) {
  (void)self;
  double x;
  if (as_double(arg, &x) < 0) return NULL;
  return F(x * (180.0 / M_PI));
}

static PyObject *m_radians(PyObject *self, PyObject *arg) {
  (void)self;
  double x;
  if (as_double(arg, &x) < 0) return NULL;
  return F(x * (M_PI / 180.0));
}

static PyObject *m_isfinite(PyObject *self, PyObject *arg) {
  (void)self;
  double x;
  if (as_double(arg, &x) < 0) return NULL;
  return wf_bool_from(isfinite(x));
}

static PyObject *m_isinf(PyObject *self, PyObject *arg) {
  (void)self;
  double x;
  if (as_double(arg, &x) < 0) return NULL;
  return wf_bool_from(isinf(x));
}

static PyObject *m_isnan(PyObject *self, PyObject *arg) {
  (void)self;
  double x;
  if (as_double(arg, &x) < 0) return NULL;
  return wf_bool_from(isnan(x));
}

static PyObject *m_frexp(PyObject *self, PyObject *arg) {
  (void)self;
  double x;
  if (as_double(arg, &x) < 0) return NULL;
  int e = 0;
  double m = x;
  if (isfinite(x) && x != 0) m = frexp(x, &e);
  PyObject *mo = F(m);
  WF_GC_ROOT(mo);
  PyObject *eo = wf_int_from_ssize(e);
  return wf_tuple_pack(2, mo, eo);
}

static PyObject *m_ldexp(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  (void)self;
  if (wf_arg_check_positional("ldexp", nargs, 2, 2) < 0) return NULL;
  double x;
  if (as_double(args[0], &x) < 0) return NULL;
  if (!wf_int_check(args[1]))
    return wf_err_set_string(&wf_TypeError_type, "Expected an int as second argument to ldexp.");
  int64_t e;
  if (wf_int_as_int64(args[1], &e) < 0) {
    wf_err_clear();
    e = wf_int_sign(args[1]) > 0 ? INT32_MAX : INT32_MIN;
  }
  if (e > INT32_MAX) e = INT32_MAX;
  if (e < INT32_MIN) e = INT32_MIN;
  if (x == 0 || !isfinite(x)) return F(x);
  double r = ldexp(x, (int)e);
  if (isinf(r)) return range_error();
  return F(r);
}

static PyObject *m_modf(PyObject *self, PyObject *arg) {
  (void)self;
  double x;
  if (as_double(arg, &x) < 0) return NULL;
  double ip, fp;
  if (isinf(x)) {
    ip = x;
    fp = copysign(0.0, x);
  } else {
    fp = modf(x, &ip);
  }
  PyObject *a = F(fp);
  WF_GC_ROOT(a);
  PyObject *b = F(ip);
  return wf_tuple_pack(2, a, b);
}

/* ---- floor, ceil, trunc ---------------------------------------------------------------- */

/* Call type(o).<name>(o) if the type defines it: 1 with *res, 0 if absent, -1 on error. */
static int call_special(PyObject *o, PyObject *name, PyObject **res) {
  PyObject *m = wf_type_lookup(WF_TYPE(o), name);
  if (!m) return 0;
  *res = wf_call_one(m, o);
  return *res ? 1 : -1;
}

static PyObject *round_float(PyObject *arg, double (*fn)(double), PyObject *name) {
  if (wf_float_check_exact(arg)) return wf_int_from_double(fn(wf_float_value(arg)));
  if (wf_int_check_exact(arg)) return arg;
  PyObject *res = NULL;
  int r = call_special(arg, name, &res);
  if (r != 0) return res;
  double x;
  if (as_double(arg, &x) < 0) return NULL;
  return wf_int_from_double(fn(x));
}

static PyObject *m_floor(PyObject *self, PyObject *arg) { (void)self; return round_float(arg, floor, WF_ID(__floor__)); }
static PyObject *m_ceil(PyObject *self, PyObject *arg) { (void)self; return round_float(arg, ceil, WF_ID(__ceil__)); }

static PyObject *m_trunc(PyObject *self, PyObject *arg) {
  (void)self;
  if (wf_float_check_exact(arg)) return wf_int_from_double(trunc(wf_float_value(arg)));
  PyObject *res = NULL;
  int r = call_special(arg, WF_ID(__trunc__), &res);
  if (r != 0) return res;
  return wf_err_format(&wf_TypeError_type, "type %.100s doesn't define __trunc__ method", WF_TYPE(arg)->tp_name);
}

/* ---- Logarithms (ints of any size) --------------------------------------------------- */

/* log-like function of an int or real: ints too large for a double are
 * split as m * 2**e first. */
static PyObject *loghelper(PyObject *arg, double (*fn)(double), double *out) {
  if (wf_int_check(arg)) {
    if (wf_int_sign(arg) <= 0) return domain_error();
    double x = wf_int_as_double(arg);
    if (x == -1.0 && wf_err_occurred()) {
      if (!wf_err_matches(&wf_OverflowError_type)) return NULL;
      wf_err_clear();
      uint64_t bits = wf_int_bit_length(arg);
      uint64_t shift = bits - 64;
      PyObject *sh = wf_int_from_uint64(shift);
      PyObject *top = wf_int_rshift(arg, sh);
      if (!top) return NULL;
      double m = wf_int_as_double(top); /* 64 bits: rounded once to 53 */
      int e2;
      m = frexp(m, &e2);
      *out = fn(m) + fn(2.0) * ((double)shift + e2);
      return WF_NONE;
    }
    *out = fn(x);
    return WF_NONE;
  }
  double x;
  if (as_double(arg, &x) < 0) return NULL;
  if (isnan(x)) {
    *out = x;
    return WF_NONE;
  }
  if (x <= 0) return domain_error();
  *out = fn(x);
  return WF_NONE;
}

static PyObject *m_log(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  (void)self;
  if (nargs < 1 || nargs > 2) return wf_err_set_string(&wf_TypeError_type, "math.log requires 1 to 2 arguments");
  double num, den;
  if (!loghelper(args[0], log, &num)) return NULL;
  if (nargs == 1) return F(num);
  if (!loghelper(args[1], log, &den)) return NULL;
  if (den == 0) return wf_err_set_string(&wf_ZeroDivisionError_type, "float division by zero");
  return F(num / den);
}

static PyObject *m_log2(PyObject *self, PyObject *arg) {
  (void)self;
  double r;
  if (!loghelper(arg, log2, &r)) return NULL;
  return F(r);
}

static PyObject *m_log10(PyObject *self, PyObject *arg) {
  (void)self;
  double r;
  if (!loghelper(arg, log10, &r)) return NULL;
  return F(r);
}

/* ---- fsum: Shewchuk's exact summation with correct final rounding ---------------------- */

static PyObject *m_fsum(PyObject *self, PyObject *seq) {
  (void)self;
  PyObject *it = wf_object_getiter(seq);
  if (!it) return NULL;
  WF_GC_ROOT(it);
  size_t cap = 32, n = 0;
  double stack_buf[32];
  double *p = stack_buf;
  double special_sum = 0.0, inf_sum = 0.0;
  PyObject *res = NULL;
  for (;;) {
    PyObject *item = wf_iter_next(it);
    if (!item) {
      if (wf_err_occurred()) goto done;
      break;
    }
    double x;
    if (as_double(item, &x) < 0) goto done;
    double xsave = x;
    size_t i = 0;
    for (size_t j = 0; j < n; j++) {
      double y = p[j];
      if (fabs(x) < fabs(y)) {
        double t = x;
        x = y;
        y = t;
      }
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0.0) p[i++] = lo;
      x = hi;
    }
    n = i;
    if (x != 0.0) {
      if (!isfinite(x)) {
        /* a finite item made the sum overflow, or a special value */
        if (isfinite(xsave)) {
          wf_err_set_string(&wf_OverflowError_type, "intermediate overflow in fsum");
          goto done;
        }
        if (isinf(xsave)) inf_sum += xsave;
        special_sum += xsave;
        n = 0;
      } else {
        if (n == cap) {
          size_t ncap = cap * 2;
          double *np = malloc(ncap * sizeof(double));
          if (!np) {
            wf_err_no_memory();
            goto done;
          }
          memcpy(np, p, n * sizeof(double));
          if (p != stack_buf) free(p);
          p = np;
          cap = ncap;
        }
        p[n++] = x;
      }
    }
  }
  if (special_sum != 0.0) {
    if (isnan(inf_sum))
      wf_err_set_string(&wf_ValueError_type, "-inf + inf in fsum");
    else
      res = F(special_sum);
    goto done;
  }
  double hi = 0.0;
  if (n > 0) {
    double lo = 0.0;
    hi = p[--n];
    /* Sum from the top until the sum is inexact. */
    while (n > 0) {
      double x = hi, y = p[--n];
      hi = x + y;
      double yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) break;
    }
    /* Round half-even correctly when the rest lies on the same side. */
    if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      double yr = x - hi;
      if (y == yr) hi = x;
    }
  }
  res = F(hi);
done:
  if (p != stack_buf) free(p);
  return res;
}

/* ---- hypot and dist -------------------------------------------------------------------- */

/* Euclidean norm of v[0..n), accurate to nearly correct rounding: values are
 * scaled by a power of two, squares summed in double-double, then one
 * Newton correction of the square root. */
static double vector_norm(double *v, Py_ssize_t n, double max, bool found_nan) {
  if (isinf(max)) return max;
  if (found_nan) return NAN;
  if (max == 0 || n <= 1) return max;
  int e;
  frexp(max, &e);
  double s = 0.0, c = 0.0;
  for (Py_ssize_t i = 0; i < n; i++) {
    double x = ldexp(v[i], -e); /* |x| < 1, exact unless |v[i]| is tiny */
    double sq = x * x;
    double sq_err = fma(x, x, -sq);
    /* two-sum of s + sq */
    double t = s + sq;
    double bp = t - s;
    double err = (s - (t - bp)) + (sq - bp);
    s = t;
    c += err + sq_err;
  }
  double t = s + c;
  c = c - (t - s);
  s = t;
  double h = sqrt(s);
  /* residual s + c - h*h, computed exactly enough with fma */
  double r = fma(-h, h, s) + c;
  h += r / (2.0 * h);
  return ldexp(h, e);
}

static PyObject *m_hypot(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  (void)self;
  double buf[16];
  double *v = nargs <= 16 ? buf : malloc(sizeof(double) * (size_t)nargs);
  if (!v) return wf_err_no_memory();
  double max = 0.0;
  bool found_nan = false;
  for (Py_ssize_t i = 0; i < nargs; i++) {
    double x;
    if (as_double(args[i], &x) < 0) {
      if (v != buf) free(v);
      return NULL;
    }
    x = fabs(x);
    v[i] = x;
    found_nan |= isnan(x);
    if (x > max) max = x;
  }
  double r = vector_norm(v, nargs, max, found_nan);
  if (v != buf) free(v);
  return F(r);
}

static PyObject *m_dist(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  (void)self;
  if (wf_arg_check_positional("dist", nargs, 2, 2) < 0) return NULL;
  PyObject *p = args[0], *q = args[1];
  WF_GC_ROOT(p);
  WF_GC_ROOT(q);
  if (!wf_tuple_check(p)) {
    p = wf_sequence_tuple(p);
    if (!p) return NULL;
  }
  if (!wf_tuple_check(q)) {
    q = wf_sequence_tuple(q);
    if (!q) return NULL;
  }
  Py_ssize_t n = WF_SIZE(p);
  if (WF_SIZE(q) != n)
    return wf_err_set_string(&wf_ValueError_type, "both points must have the same number of dimensions");
  double buf[16];
  double *v = n <= 16 ? buf : malloc(sizeof(double) * (size_t)n);
  if (!v) return wf_err_no_memory();
  double max = 0.0;
  bool found_nan = false;
  for (Py_ssize_t i = 0; i < n; i++) {
    double a, b;
    if (as_double(WF_TUPLE_GET(p, i), &a) < 0 || as_double(WF_TUPLE_GET(q, i), &b) < 0) {
      if (v != buf) free(v);
      return NULL;
    }
    double x = fabs(a - b);
    v[i] = x;
    found_nan |= isnan(x);
    if (x > max) max = x;
  }
  double r = vector_norm(v, n, max, found_nan);
  if (v != buf) free(v);
  return F(r);
}

/* ---- isclose, prod --------------------------------------------------------------------- */

static PyObject *m_isclose(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  (void)self;
  static const char *const names[] = {"a", "b", "rel_tol", "abs_tol", NULL};
  if (nargs > 2)
    return wf_err_format(&wf_TypeError_type, "isclose() takes exactly 2 positional arguments (%zd given)", nargs);
  PyObject *o[4] = {0};
  if (wf_arg_unpack("isclose", args, nargs, kwnames, names, 2, o) < 0) return NULL;
  double a, b, rel = 1e-9, abs_tol = 0.0;
  if (as_double(o[0], &a) < 0 || as_double(o[1], &b) < 0) return NULL;
  if (o[2] && as_double(o[2], &rel) < 0) return NULL;
  if (o[3] && as_double(o[3], &abs_tol) < 0) return NULL;
  if (rel < 0.0 || abs_tol < 0.0) return wf_err_set_string(&wf_ValueError_type, "tolerances must be non-negative");
  if (a == b) return WF_TRUE;
  if (isinf(a) || isinf(b)) return WF_FALSE;
  double diff = fabs(b - a);
  return wf_bool_from((diff <= fabs(rel * b)) || (diff <= fabs(rel * a)) || (diff <= abs_tol));
}

static PyObject *m_prod(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  (void)self;
  static const char *const names[] = {"", "start", NULL};
  if (nargs > 1)
    return wf_err_format(&wf_TypeError_type, "prod() takes exactly 1 positional argument (%zd given)", nargs);
  PyObject *o[2] = {0};
  if (wf_arg_unpack("prod", args, nargs, kwnames, names, 1, o) < 0) return NULL;
  PyObject *result = o[1] ? o[1] : WF_INT_SMALL(1);
  WF_GC_ROOT(result);
  PyObject *it = wf_object_getiter(o[0]);
  if (!it) return NULL;
  WF_GC_ROOT(it);
  for (;;) {
    PyObject *item = wf_iter_next(it);
    if (!item) return wf_err_occurred() ? NULL : result;
    /* fast paths: small ints and floats */
    int64_t a, b;
    if (wf_int_check_exact(result) && wf_int_check_exact(item) && wf_int_small_value(result, &a) &&
        wf_int_small_value(item, &b)) {
      int64_t r;
      if (!__builtin_mul_overflow(a, b, &r)) {
        result = wf_int_from_int64(r);
        continue;
      }
    }
    if (wf_float_check_exact(result) && wf_float_check_exact(item)) {
      result = F(wf_float_value(result) * wf_float_value(item));
      continue;
    }
    result = wf_number_binop(result, item, WF_BINOP_MUL);
    if (!result) return NULL;
  }
}

/* ---- Integer functions ---------------------------------------------------------------- */

static PyObject *I(int64_t v) { return wf_int_from_int64(v); }

static PyObject *m_gcd(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  (void)self;
  if (nargs == 0) return WF_INT_SMALL(0);
  PyObject *res = wf_number_index(args[0]);
  if (!res) return NULL;
  WF_GC_ROOT(res);
  if (nargs == 1) return wf_int_abs(res);
  for (Py_ssize_t i = 1; i < nargs; i++) {
    PyObject *x = wf_number_index(args[i]);
    if (!x) return NULL;
    if (res == WF_INT_SMALL(1)) continue; /* still check the types */
    res = wf_int_gcd(res, x);
    if (!res) return NULL;
  }
  return res;
}

static PyObject *m_lcm(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  (void)self;
  if (nargs == 0) return WF_INT_SMALL(1);
  PyObject *res = wf_number_index(args[0]);
  if (!res) return NULL;
  WF_GC_ROOT(res);
  if (nargs == 1) return wf_int_abs(res);
  PyObject *x = NULL;
  WF_GC_ROOT(x);
  for (Py_ssize_t i = 1; i < nargs; i++) {
    x = wf_number_index(args[i]);
    if (!x) return NULL;
    if (res == WF_INT_SMALL(0)) continue;
    if (wf_int_sign(x) == 0) {
      res = WF_INT_SMALL(0);
      continue;
    }
    PyObject *g = wf_int_gcd(res, x);
    if (!g) return NULL;
    PyObject *q = wf_int_floordiv(res, g);
    if (!q) return NULL;
    res = wf_int_mul(q, x);
    if (!res) return NULL;
    res = wf_int_abs(res);
    if (!res) return NULL;
  }
  return res;
}

/* isqrt(n) for an int n >= 0: Newton's iteration from an estimate above the root. */
static PyObject *int_isqrt(PyObject *n) {
  int64_t v;
  if (wf_int_small_value(n, &v)) {
    uint64_t r = (uint64_t)sqrt((double)v);
    while (r * r > (uint64_t)v) r--;
    while ((r + 1) * (r + 1) <= (uint64_t)v) r++;
    return wf_int_from_uint64(r);
  }
  WF_GC_ROOT(n);
  uint64_t bits = wf_int_bit_length(n);
  PyObject *x = wf_int_lshift(WF_INT_SMALL(1), wf_int_from_uint64((bits + 1) / 2)); /* > sqrt(n) */
  if (!x) return NULL;
  WF_GC_ROOT(x);
  for (;;) {
    PyObject *q = wf_int_floordiv(n, x);
    if (!q) return NULL;
    PyObject *s = wf_int_add(x, q);
    if (!s) return NULL;
    PyObject *y = wf_int_rshift(s, WF_INT_SMALL(1));
    if (!y) return NULL;
    if (wf_int_compare(y, x) >= 0) return x;
    x = y;
  }
}

static PyObject *m_isqrt(PyObject *self, PyObject *arg) {
  (void)self;
  PyObject *n = wf_number_index(arg);
  if (!n) return NULL;
  if (wf_int_sign(n) < 0) return wf_err_set_string(&wf_ValueError_type, "isqrt() argument must be nonnegative");
  return int_isqrt(n);
}

/* Product of lo, lo+1, ..., hi-1 (as ints) by binary splitting. */
static PyObject *range_product(uint64_t lo, uint64_t hi) {
  if (hi <= lo) return WF_INT_SMALL(1);
  if (hi - lo <= 8) {
    /* multiply small factors in 64 bits while they fit */
    PyObject *res = WF_INT_SMALL(1);
    WF_GC_ROOT(res);
    unsigned __int128 acc = 1;
    for (uint64_t i = lo; i < hi; i++) {
      if (acc * i >> 63) {
        res = wf_int_mul(res, wf_int_from_uint64((uint64_t)acc));
        if (!res) return NULL;
        acc = 1;
      }
      acc *= i;
    }
    return wf_int_mul(res, wf_int_from_uint64((uint64_t)acc));
  }
  uint64_t mid = lo + (hi - lo) / 2;
  PyObject *a = range_product(lo, mid);
  if (!a) return NULL;
  WF_GC_ROOT(a);
  PyObject *b = range_product(mid, hi);
  if (!b) return NULL;
  return wf_int_mul(a, b);
}

static PyObject *m_factorial(PyObject *self, PyObject *arg) {
  (void)self;
  PyObject *n = wf_number_index(arg);
  if (!n) return NULL;
  int64_t v;
  if (wf_int_as_int64(n, &v) < 0) {
    wf_err_clear();
    if (wf_int_sign(n) < 0) return wf_err_set_string(&wf_ValueError_type, "factorial() not defined for negative values");
    return wf_err_set_string(&wf_OverflowError_type, "factorial() argument should not exceed 9223372036854775807");
  }
  if (v < 0) return wf_err_set_string(&wf_ValueError_type, "factorial() not defined for negative values");
  return range_product(1, (uint64_t)v + 1);
}

/* Arguments of comb/perm: n and k as non-negative ints. */
static int comb_args(PyObject *const *args, PyObject **n, PyObject **k) {
  *n = wf_number_index(args[0]);
  if (!*n) return -1;
  WF_GC_ROOT(*n);
  *k = wf_number_index(args[1]);
  if (!*k) return -1;
  if (wf_int_sign(*n) < 0) {
    wf_err_set_string(&wf_ValueError_type, "n must be a non-negative integer");
    return -1;
  }
  if (wf_int_sign(*k) < 0) {
    wf_err_set_string(&wf_ValueError_type, "k must be a non-negative integer");
    return -1;
  }
  return 0;
}

/* n * (n-1) * ... * (n-k+1) [/ k!] with n an int and k small. */
static PyObject *falling(PyObject *n, uint64_t k, bool divide) {
  WF_GC_ROOT(n);
  int64_t nv;
  if (wf_int_small_value(n, &nv) && !divide) return range_product((uint64_t)nv - k + 1, (uint64_t)nv + 1);
  PyObject *res = WF_INT_SMALL(1);
  WF_GC_ROOT(res);
  PyObject *f = n;
  WF_GC_ROOT(f);
  for (uint64_t i = 0; i < k; i++) {
    res = wf_int_mul(res, f);
    if (!res) return NULL;
    if (divide) {
      res = wf_int_floordiv(res, wf_int_from_uint64(i + 1));
      if (!res) return NULL;
    }
    f = wf_int_sub(f, WF_INT_SMALL(1));
    if (!f) return NULL;
  }
  return res;
}

static PyObject *m_comb(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  (void)self;
  if (wf_arg_check_positional("comb", nargs, 2, 2) < 0) return NULL;
  PyObject *n, *k;
  if (comb_args(args, &n, &k) < 0) return NULL;
  WF_GC_ROOT(n);
  WF_GC_ROOT(k);
  PyObject *nk = wf_int_sub(n, k);
  if (!nk) return NULL;
  if (wf_int_sign(nk) < 0) return WF_INT_SMALL(0);
  if (wf_int_compare(nk, k) < 0) k = nk;
  int64_t kv;
  if (wf_int_as_int64(k, &kv) < 0) {
    wf_err_clear();
    return wf_err_set_string(&wf_OverflowError_type, "min(n - k, k) must not exceed 9223372036854775807");
  }
  return falling(n, (uint64_t)kv, true);
}

static PyObject *m_perm(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  (void)self;
  if (wf_arg_check_positional("perm", nargs, 1, 2) < 0) return NULL;
  if (nargs == 1 || args[1] == WF_NONE) return m_factorial(NULL, args[0]);
  PyObject *n, *k;
  if (comb_args(args, &n, &k) < 0) return NULL;
  WF_GC_ROOT(n);
  if (wf_int_compare(n, k) < 0) return WF_INT_SMALL(0);
  int64_t kv;
  if (wf_int_as_int64(k, &kv) < 0) {
    wf_err_clear();
    return wf_err_set_string(&wf_OverflowError_type, "k must not exceed 9223372036854775807");
  }
  return falling(n, (uint64_t)kv, false);
}

/* ---- The module ----------------------------------------------------------------------- */

#define O(name) {#name, (PyCFunction)m_##name, METH_O, NULL}
#define FC(name) {#name, (PyCFunction)(void (*)(void))m_##name, METH_FASTCALL, NULL}
#define FCK(name) {#name, (PyCFunction)(void (*)(void))m_##name, METH_FASTCALL | METH_KEYWORDS, NULL}

static PyMethodDef math_functions[] = {
    O(acos), O(acosh), O(asin), O(asinh), O(atan), FC(atan2), O(atanh), O(cbrt), O(ceil), FC(comb),
    FC(copysign), O(cos), O(cosh), O(degrees), FC(dist), O(erf), O(erfc), O(exp), O(exp2), O(expm1),
    O(fabs), O(factorial), O(floor), FC(fmod), O(frexp), O(fsum), O(gamma), FC(gcd), FC(hypot),
    FCK(isclose), O(isfinite), O(isinf), O(isnan), O(isqrt), FC(lcm), FC(ldexp), O(lgamma), FC(log),
    O(log10), O(log1p), O(log2), O(modf), FC(nextafter), FC(perm), FC(pow), FCK(prod), O(radians),
    FC(remainder), O(sin), O(sinh), O(sqrt), O(tan), O(tanh), O(trunc), O(ulp),
    {NULL, NULL, 0, NULL},
};

PyObject *wf_math_init(void) {
  PyObject *m = wf_module_new_cstr("math");
  if (!m) return NULL;
  WF_GC_ROOT(m);
  if (wf_module_add_functions(m, math_functions) < 0) return NULL;
  if (wf_module_add(m, "__doc__", wf_str_from_cstr("This module provides access to the mathematical functions\n"
                                                   "defined by the C standard.")) < 0)
    return NULL;
  struct {
    const char *name;
    double v;
  } consts[] = {{"pi", M_PI}, {"e", M_E}, {"tau", 2 * M_PI}, {"inf", INFINITY}, {"nan", NAN}};
  for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
    if (wf_module_add(m, consts[i].name, F(consts[i].v)) < 0) return NULL;
  (void)I;
  return m;
}
