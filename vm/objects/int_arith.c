/* int arithmetic: the number slots of int (and the operator functions of
 * int.h that other subsystems call directly).
 *
 * Every operation first tries the one-word fast path: both operands of at
 * most two digits (|v| < 2**60) are read as int64 and combined with machine
 * arithmetic (additions cannot overflow; products, powers and left shifts
 * check for overflow and fall through). Otherwise the result object is
 * allocated with the capacity wf_bigint documents, the digits are computed
 * straight into it, and wf_int_finish_ sets its size (returning the static
 * small int when the value is one). No function here reaches a safepoint
 * between allocating and returning, so nothing needs rooting.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "errors.h"
#include "floatobject.h"
#include "int_internal.h"
#include "protocol.h"
#include "tuple.h"

#define SV(o) LONG_DIGITS(o), WF_SIZE(o)

static inline size_t max_sz(size_t a, size_t b) { return a > b ? a : b; }

static PyObject *zerodiv(const char *msg) { return wf_err_set_string(&wf_ZeroDivisionError_type, msg); }

/* ---- + - * ---- */

PyObject *wf_int_add(PyObject *a, PyObject *b) {
  int64_t x, y;
  if (wf_int_small_value(a, &x) && wf_int_small_value(b, &y)) return wf_int_from_int64(x + y);
  PyLongObject *r = wf_int_alloc_(max_sz(long_ndigits(a), long_ndigits(b)) + 1);
  ptrdiff_t sr;
  wf_bigint_sadd(r->ob_digit, &sr, SV(a), SV(b));
  return wf_int_finish_(r, sr);
}

PyObject *wf_int_sub(PyObject *a, PyObject *b) {
  int64_t x, y;
  if (wf_int_small_value(a, &x) && wf_int_small_value(b, &y)) return wf_int_from_int64(x - y);
  PyLongObject *r = wf_int_alloc_(max_sz(long_ndigits(a), long_ndigits(b)) + 1);
  ptrdiff_t sr;
  wf_bigint_ssub(r->ob_digit, &sr, SV(a), SV(b));
  return wf_int_finish_(r, sr);
}

PyObject *wf_int_mul(PyObject *a, PyObject *b) {
  int64_t x, y, z;
  if (wf_int_small_value(a, &x) && wf_int_small_value(b, &y) && !__builtin_mul_overflow(x, y, &z))
    return wf_int_from_int64(z);
  size_t n = long_ndigits(a) + long_ndigits(b);
  if (wf_int_check_ndigits_(n) < 0) return NULL;
  PyLongObject *r = wf_int_alloc_(n);
  ptrdiff_t sr;
  int st = wf_bigint_smul(r->ob_digit, &sr, SV(a), SV(b));
  if (st) return wf_int_raise_status_(st);
  return wf_int_finish_(r, sr);
}

/* ---- // % divmod / ---- */

static inline void divmod64(int64_t x, int64_t y, int64_t *q, int64_t *m) {
  int64_t qq = x / y, mm = x % y;
  if (mm != 0 && ((mm < 0) != (y < 0))) {
    qq -= 1;
    mm += y;
  }
  *q = qq;
  *m = mm;
}

/* q and/or m (either may be NULL). */
static int int_divmod(PyObject *a, PyObject *b, PyObject **q, PyObject **m, const char *zmsg) {
  int64_t x, y;
  if (wf_int_small_value(a, &x) && wf_int_small_value(b, &y)) {
    if (y == 0) {
      zerodiv(zmsg);
      return -1;
    }
    int64_t qq, mm;
    divmod64(x, y, &qq, &mm);
    if (q) *q = wf_int_from_int64(qq);
    if (m) *m = wf_int_from_int64(mm);
    return 0;
  }
  if (WF_SIZE(b) == 0) {
    zerodiv(zmsg);
    return -1;
  }
  size_t na = long_ndigits(a), nb = long_ndigits(b);
  size_t nq = na >= nb ? na - nb + 2 : 2;
  PyLongObject *rq = q ? wf_int_alloc_(nq) : NULL;
  PyLongObject *rm = m ? wf_int_alloc_(nb) : NULL;
  ptrdiff_t sq, sm;
  int st = wf_bigint_sdivmod(rq ? rq->ob_digit : NULL, &sq, rm ? rm->ob_digit : NULL, &sm, SV(a), SV(b));
  if (st) {
    wf_int_raise_status_(st);
    return -1;
  }
  if (q) *q = wf_int_finish_(rq, sq);
  if (m) *m = wf_int_finish_(rm, sm);
  return 0;
}

PyObject *wf_int_floordiv(PyObject *a, PyObject *b) {
  PyObject *q;
  if (int_divmod(a, b, &q, NULL, "integer division or modulo by zero") < 0) return NULL;
  return q;
}

PyObject *wf_int_mod(PyObject *a, PyObject *b) {
  PyObject *m;
  if (int_divmod(a, b, NULL, &m, "integer modulo by zero") < 0) return NULL;
  return m;
}

PyObject *wf_int_divmod(PyObject *a, PyObject *b) {
  PyObject *q, *m;
  if (int_divmod(a, b, &q, &m, "integer division or modulo by zero") < 0) return NULL;
  return wf_tuple_pack(2, q, m);
}

PyObject *wf_int_truediv(PyObject *a, PyObject *b) {
  int64_t x, y;
  const int64_t lim = (int64_t)1 << 53;
  if (wf_int_small_value(a, &x) && wf_int_small_value(b, &y) && x >= -lim && x <= lim && y >= -lim && y <= lim) {
    if (y == 0) return zerodiv("division by zero");
    return wf_float_from_double((double)x / (double)y);
  }
  double d;
  int st = wf_bigint_truediv(&d, SV(a), SV(b));
  if (st) return wf_int_raise_status_(st);
  return wf_float_from_double(d);
}

/* ---- ** ---- */

/* x ** e in int64, or false on overflow. */
static bool pow64(int64_t x, int64_t e, int64_t *out) {
  int64_t r = 1, b = x;
  while (e > 0) {
    if (e & 1) {
      if (__builtin_mul_overflow(r, b, &r)) return false;
    }
    e >>= 1;
    if (e && __builtin_mul_overflow(b, b, &b)) return false;
  }
  *out = r;
  return true;
}

static PyObject *float_pow_of_ints(PyObject *a, PyObject *b) {
  double x = wf_int_as_double(a);
  if (x == -1.0 && wf_err_occurred()) return NULL;
  double y = wf_int_as_double(b);
  if (y == -1.0 && wf_err_occurred()) return NULL;
  return wf_float_pow_doubles_(x, y);
}

PyObject *wf_int_pow(PyObject *a, PyObject *b, PyObject *mod) {
  if (mod == WF_NONE) mod = NULL;
  int64_t x, y, z;
  if (!mod) {
    if (WF_SIZE(b) < 0) return float_pow_of_ints(a, b);
    if (wf_int_small_value(a, &x) && wf_int_small_value(b, &y)) {
      if (x == 0 || x == 1) return wf_int_from_int64(y == 0 ? 1 : x);
      if (x == -1) return wf_int_from_int64((y & 1) ? -1 : 1);
      if (y < 64 && pow64(x, y, &z)) return wf_int_from_int64(z);
    }
    size_t n = wf_bigint_spow_size(SV(a), SV(b));
    if (n == SIZE_MAX) return wf_err_no_memory();
    if (wf_int_check_ndigits_(n) < 0) return NULL;
    PyLongObject *r = wf_int_alloc_(n);
    ptrdiff_t sr;
    int st = wf_bigint_spow(r->ob_digit, &sr, SV(a), SV(b));
    if (st) return wf_int_raise_status_(st);
    return wf_int_finish_(r, sr);
  }
  int64_t m;
  if (wf_int_small_value(a, &x) && wf_int_small_value(b, &y) && wf_int_small_value(mod, &m) && y >= 0 && m != 0 &&
      m > -((int64_t)1 << 31) && m < ((int64_t)1 << 31)) {
    uint64_t am = (uint64_t)(m < 0 ? -m : m);
    int64_t xr = x % (int64_t)am;
    uint64_t base = (uint64_t)(xr < 0 ? xr + (int64_t)am : xr), r = 1 % am;
    for (uint64_t e = (uint64_t)y; e; e >>= 1) {
      if (e & 1) r = r * base % am;
      base = base * base % am;
    }
    int64_t res = (int64_t)r;
    if (m < 0 && res != 0) res -= (int64_t)am;
    return wf_int_from_int64(res);
  }
  if (WF_SIZE(mod) == 0)
    return wf_err_set_string(&wf_ValueError_type, wf_bigint_error_message(WF_BIGINT_EPOW_MOD_ZERO));
  PyLongObject *r = wf_int_alloc_(long_ndigits(mod));
  ptrdiff_t sr;
  int st = wf_bigint_spowmod(r->ob_digit, &sr, SV(a), SV(b), SV(mod));
  if (st) return wf_int_raise_status_(st);
  return wf_int_finish_(r, sr);
}

/* ---- unary ---- */

PyObject *wf_int_neg(PyObject *a) {
  int64_t x;
  if (wf_int_small_value(a, &x)) return wf_int_from_int64(-x);
  size_t n = long_ndigits(a);
  PyLongObject *r = wf_int_alloc_(n);
  memcpy(r->ob_digit, LONG_DIGITS(a), n * sizeof(digit));
  return wf_int_finish_(r, -WF_SIZE(a));
}

PyObject *wf_int_abs(PyObject *a) {
  if (WF_SIZE(a) < 0) return wf_int_neg(a);
  return wf_int_exact(a);
}

PyObject *wf_int_invert(PyObject *a) {
  int64_t x;
  if (wf_int_small_value(a, &x)) return wf_int_from_int64(-(x + 1));
  PyLongObject *r = wf_int_alloc_(long_ndigits(a) + 1);
  ptrdiff_t sr;
  wf_bigint_sinvert(r->ob_digit, &sr, SV(a));
  return wf_int_finish_(r, sr);
}

/* ---- shifts ---- */

static PyObject *neg_shift(void) {
  return wf_err_set_string(&wf_ValueError_type, wf_bigint_error_message(WF_BIGINT_ENEG_SHIFT));
}

PyObject *wf_int_lshift(PyObject *a, PyObject *b) {
  if (WF_SIZE(b) < 0) return neg_shift();
  if (WF_SIZE(a) == 0) return WF_INT_SMALL(0);
  int64_t x, c;
  if (wf_bigint_to_int64(&c, SV(b)) != 0) {
    wf_err_set_string(&wf_OverflowError_type, "too many digits in integer");
    return NULL;
  }
  if (wf_int_small_value(a, &x) && c < 62) {
    uint64_t ax = x < 0 ? -(uint64_t)x : (uint64_t)x;
    if (64 - __builtin_clzll(ax) + c <= 62) return wf_int_from_int64(x < 0 ? -(int64_t)(ax << c) : (int64_t)(ax << c));
  }
  size_t n = long_ndigits(a) + (size_t)c / WF_INT_SHIFT + 1;
  if (wf_int_check_ndigits_(n) < 0) return NULL;
  PyLongObject *r = wf_int_alloc_(n);
  ptrdiff_t sr;
  int st = wf_bigint_slshift(r->ob_digit, &sr, SV(a), c);
  if (st) return wf_int_raise_status_(st);
  return wf_int_finish_(r, sr);
}

PyObject *wf_int_rshift(PyObject *a, PyObject *b) {
  if (WF_SIZE(b) < 0) return neg_shift();
  int64_t x, c;
  if (wf_bigint_to_int64(&c, SV(b)) != 0) return WF_INT_SMALL(WF_SIZE(a) < 0 ? -1 : 0);
  if (wf_int_small_value(a, &x)) return wf_int_from_int64(c >= 63 ? (x < 0 ? -1 : 0) : x >> c);
  PyLongObject *r = wf_int_alloc_(long_ndigits(a) + 1);
  ptrdiff_t sr;
  int st = wf_bigint_srshift(r->ob_digit, &sr, SV(a), c);
  if (st) return wf_int_raise_status_(st);
  return wf_int_finish_(r, sr);
}

/* ---- & | ^ ---- */

#define BITOP(name, op, fn)                                                      \
  PyObject *name(PyObject *a, PyObject *b) {                                     \
    int64_t x, y;                                                                \
    if (wf_int_small_value(a, &x) && wf_int_small_value(b, &y)) return wf_int_from_int64(x op y); \
    PyLongObject *r = wf_int_alloc_(max_sz(long_ndigits(a), long_ndigits(b)) + 1); \
    ptrdiff_t sr;                                                                \
    fn(r->ob_digit, &sr, SV(a), SV(b));                                          \
    return wf_int_finish_(r, sr);                                                \
  }
BITOP(wf_int_and, &, wf_bigint_sand)
BITOP(wf_int_or, |, wf_bigint_sor)
BITOP(wf_int_xor, ^, wf_bigint_sxor)

PyObject *wf_int_gcd(PyObject *a, PyObject *b) {
  int64_t x, y;
  if (wf_int_small_value(a, &x) && wf_int_small_value(b, &y)) {
    uint64_t u = x < 0 ? -(uint64_t)x : (uint64_t)x, v = y < 0 ? -(uint64_t)y : (uint64_t)y;
    while (v) {
      uint64_t t = u % v;
      u = v;
      v = t;
    }
    return wf_int_from_uint64(u);
  }
  PyLongObject *r = wf_int_alloc_(max_sz(long_ndigits(a), long_ndigits(b)));
  size_t nr;
  int st = wf_bigint_gcd(r->ob_digit, &nr, SV(a), SV(b));
  if (st) return wf_int_raise_status_(st);
  return wf_int_finish_(r, (ptrdiff_t)nr);
}

/* ---- Slots ---- */

#define CHECK2(a, b) \
  if (!wf_int_check(a) || !wf_int_check(b)) return WF_NOTIMPLEMENTED

#define SLOT2(slot, fn)                          \
  static PyObject *slot(PyObject *a, PyObject *b) { \
    CHECK2(a, b);                                \
    return fn(a, b);                             \
  }
SLOT2(nb_add, wf_int_add)
SLOT2(nb_sub, wf_int_sub)
SLOT2(nb_mul, wf_int_mul)
SLOT2(nb_mod, wf_int_mod)
SLOT2(nb_divmod, wf_int_divmod)
SLOT2(nb_floordiv, wf_int_floordiv)
SLOT2(nb_truediv, wf_int_truediv)
SLOT2(nb_lshift, wf_int_lshift)
SLOT2(nb_rshift, wf_int_rshift)
SLOT2(nb_and, wf_int_and)
SLOT2(nb_or, wf_int_or)
SLOT2(nb_xor, wf_int_xor)

static PyObject *nb_pow(PyObject *a, PyObject *b, PyObject *c) {
  CHECK2(a, b);
  if (c != NULL && c != WF_NONE && !wf_int_check(c)) return WF_NOTIMPLEMENTED;
  return wf_int_pow(a, b, c);
}

static PyObject *nb_neg(PyObject *a) { return wf_int_neg(a); }
static PyObject *nb_pos(PyObject *a) { return wf_int_exact(a); }
static PyObject *nb_abs(PyObject *a) { return wf_int_abs(a); }
static PyObject *nb_invert(PyObject *a) { return wf_int_invert(a); }
static int nb_bool(PyObject *a) { return WF_SIZE(a) != 0; }
static PyObject *nb_int(PyObject *a) { return wf_int_exact(a); }
static PyObject *nb_float(PyObject *a) {
  double d = wf_int_as_double(a);
  if (d == -1.0 && wf_err_occurred()) return NULL;
  return wf_float_from_double(d);
}

PyNumberMethods wf_int_as_number_ = {
    .nb_add = nb_add,
    .nb_subtract = nb_sub,
    .nb_multiply = nb_mul,
    .nb_remainder = nb_mod,
    .nb_divmod = nb_divmod,
    .nb_power = nb_pow,
    .nb_negative = nb_neg,
    .nb_positive = nb_pos,
    .nb_absolute = nb_abs,
    .nb_bool = nb_bool,
    .nb_invert = nb_invert,
    .nb_lshift = nb_lshift,
    .nb_rshift = nb_rshift,
    .nb_and = nb_and,
    .nb_xor = nb_xor,
    .nb_or = nb_or,
    .nb_int = nb_int,
    .nb_float = nb_float,
    .nb_floor_divide = nb_floordiv,
    .nb_true_divide = nb_truediv,
    .nb_index = nb_int,
};
