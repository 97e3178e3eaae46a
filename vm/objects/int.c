/* int: construction, conversions, hashing, comparison, repr and the type
 * object (arithmetic is in int_arith.c, methods/new/format in
 * int_methods.c and int_format.c).
 *
 * Layout: CPython 3.11's PyLongObject (int.h): signed digit count in
 * ob_size, 30-bit digits, normalised. An int is created in one piece
 * (wf_int_alloc_ with enough room, digits written, wf_int_finish_ sets the
 * size) and never changes afterwards, so it can be shared between threads
 * without synchronisation once published.
 *
 * Small ints -5..256 are static objects (wf_int_small): every operation
 * whose result is one of them returns the static object, as CPython does,
 * so `x is 5` behaves the same. They are outside the GC heap.
 *
 * The fast path: ints of at most two digits (|v| < 2**60) are read into an
 * int64 (wf_int_small_value) and operated on with machine arithmetic and
 * overflow checks; everything else goes to wf_bigint (vm/lib).
 */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "errors.h"
#include "floatobject.h"
#include "int_internal.h"
#include "protocol.h"
#include "str.h"
#include "typeobject.h"
#include "wf_hash.h"
#include "wf_unicode.h"

/* ---- Small ints ----------------------------------------------------------- */

#define S(v) {{{1, &wf_int_type}, (v) != 0}, {(v)}}
#define N(v) {{{1, &wf_int_type}, -1}, {(v)}}
PyLongObject wf_int_small[WF_INT_SMALL_MAX - WF_INT_SMALL_MIN + 1] = {
    N(5), N(4), N(3), N(2), N(1), S(0), S(1), S(2), S(3), S(4), S(5), S(6),
    S(7), S(8), S(9), S(10), S(11), S(12), S(13), S(14), S(15), S(16), S(17), S(18),
    S(19), S(20), S(21), S(22), S(23), S(24), S(25), S(26), S(27), S(28), S(29), S(30),
    S(31), S(32), S(33), S(34), S(35), S(36), S(37), S(38), S(39), S(40), S(41), S(42),
    S(43), S(44), S(45), S(46), S(47), S(48), S(49), S(50), S(51), S(52), S(53), S(54),
    S(55), S(56), S(57), S(58), S(59), S(60), S(61), S(62), S(63), S(64), S(65), S(66),
    S(67), S(68), S(69), S(70), S(71), S(72), S(73), S(74), S(75), S(76), S(77), S(78),
    S(79), S(80), S(81), S(82), S(83), S(84), S(85), S(86), S(87), S(88), S(89), S(90),
    S(91), S(92), S(93), S(94), S(95), S(96), S(97), S(98), S(99), S(100), S(101), S(102),
    S(103), S(104), S(105), S(106), S(107), S(108), S(109), S(110), S(111), S(112), S(113), S(114),
    S(115), S(116), S(117), S(118), S(119), S(120), S(121), S(122), S(123), S(124), S(125), S(126),
    S(127), S(128), S(129), S(130), S(131), S(132), S(133), S(134), S(135), S(136), S(137), S(138),
    S(139), S(140), S(141), S(142), S(143), S(144), S(145), S(146), S(147), S(148), S(149), S(150),
    S(151), S(152), S(153), S(154), S(155), S(156), S(157), S(158), S(159), S(160), S(161), S(162),
    S(163), S(164), S(165), S(166), S(167), S(168), S(169), S(170), S(171), S(172), S(173), S(174),
    S(175), S(176), S(177), S(178), S(179), S(180), S(181), S(182), S(183), S(184), S(185), S(186),
    S(187), S(188), S(189), S(190), S(191), S(192), S(193), S(194), S(195), S(196), S(197), S(198),
    S(199), S(200), S(201), S(202), S(203), S(204), S(205), S(206), S(207), S(208), S(209), S(210),
    S(211), S(212), S(213), S(214), S(215), S(216), S(217), S(218), S(219), S(220), S(221), S(222),
    S(223), S(224), S(225), S(226), S(227), S(228), S(229), S(230), S(231), S(232), S(233), S(234),
    S(235), S(236), S(237), S(238), S(239), S(240), S(241), S(242), S(243), S(244), S(245), S(246),
    S(247), S(248), S(249), S(250), S(251), S(252), S(253), S(254), S(255), S(256),
};
#undef S
#undef N

/* ---- sys.set_int_max_str_digits ------------------------------------------- */

static int max_str_digits = WF_BIGINT_DEFAULT_MAX_STR_DIGITS;
int wf_int_get_max_str_digits(void) { return __atomic_load_n(&max_str_digits, __ATOMIC_RELAXED); }
void wf_int_set_max_str_digits(int n) { __atomic_store_n(&max_str_digits, n, __ATOMIC_RELAXED); }

/* ---- Allocation ------------------------------------------------------------ */

/* CPython raises OverflowError "too many digits in integer" above
 * PY_SSIZE_T_MAX / sizeof(digit) digits; we also refuse (MemoryError)
 * anything that could not be allocated on any machine this runs on. */
#define MAX_LONG_DIGITS ((size_t)(PTRDIFF_MAX - sizeof(PyVarObject)) / sizeof(digit))
#define MAX_ALLOC_DIGITS ((size_t)1 << 36)

int wf_int_check_ndigits_(size_t n) {
  if (n > MAX_LONG_DIGITS) {
    wf_err_set_string(&wf_OverflowError_type, "too many digits in integer");
    return -1;
  }
  if (n > MAX_ALLOC_DIGITS) {
    wf_err_no_memory();
    return -1;
  }
  return 0;
}

PyLongObject *wf_int_alloc_(size_t n) {
  if (n == 0) n = 1;
  PyLongObject *r = (PyLongObject *)wf_object_alloc_leaf(
      &wf_int_type, (size_t)wf_int_type.tp_basicsize + n * (size_t)wf_int_type.tp_itemsize);
  r->ob_base.ob_size = (Py_ssize_t)n;
  return r;
}

PyObject *wf_int_finish_(PyLongObject *r, ptrdiff_t sr) {
  if (sr == 0) return WF_INT_SMALL(0);
  if (sr == 1 && r->ob_digit[0] <= WF_INT_SMALL_MAX) return WF_INT_SMALL(r->ob_digit[0]);
  if (sr == -1 && r->ob_digit[0] <= (digit)-WF_INT_SMALL_MIN) return WF_INT_SMALL(-(int)r->ob_digit[0]);
  r->ob_base.ob_size = sr;
  return (PyObject *)r;
}

PyObject *wf_int_from_int64_slow_(int64_t v) {
  if (v >= WF_INT_SMALL_MIN && v <= WF_INT_SMALL_MAX) return WF_INT_SMALL(v);
  uint64_t m = v < 0 ? -(uint64_t)v : (uint64_t)v;
  size_t n = m < ((uint64_t)1 << 30) ? 1 : m < ((uint64_t)1 << 60) ? 2 : 3;
  PyLongObject *r = wf_int_alloc_(n);
  for (size_t i = 0; i < n; i++, m >>= WF_INT_SHIFT) r->ob_digit[i] = (digit)(m & WF_INT_MASK);
  r->ob_base.ob_size = v < 0 ? -(Py_ssize_t)n : (Py_ssize_t)n;
  return (PyObject *)r;
}

PyObject *wf_int_from_ssize(Py_ssize_t v) { return wf_int_from_int64((int64_t)v); }

PyObject *wf_int_from_uint64(uint64_t v) {
  if (v <= WF_INT_SMALL_MAX) return WF_INT_SMALL(v);
  size_t n = v < ((uint64_t)1 << 30) ? 1 : v < ((uint64_t)1 << 60) ? 2 : 3;
  PyLongObject *r = wf_int_alloc_(n);
  for (size_t i = 0; i < n; i++, v >>= WF_INT_SHIFT) r->ob_digit[i] = (digit)(v & WF_INT_MASK);
  r->ob_base.ob_size = (Py_ssize_t)n;
  return (PyObject *)r;
}

PyObject *wf_int_from_digits(const digit *d, size_t n, int sign) {
  while (n > 0 && d[n - 1] == 0) n--;
  if (n == 0) return WF_INT_SMALL(0);
  if (wf_int_check_ndigits_(n) < 0) return NULL;
  PyLongObject *r = wf_int_alloc_(n);
  memcpy(r->ob_digit, d, n * sizeof(digit));
  return wf_int_finish_(r, sign < 0 ? -(ptrdiff_t)n : (ptrdiff_t)n);
}

PyObject *wf_int_exact(PyObject *o) {
  if (wf_int_check_exact(o)) return o;
  size_t n = long_ndigits(o);
  return wf_int_from_digits(LONG_DIGITS(o), n, WF_SIZE(o) < 0 ? -1 : 1);
}

/* ---- Errors ------------------------------------------------------------------ */

PyObject *wf_int_raise_status_(int st) {
  switch (wf_bigint_error_kind(st)) {
  case WF_BIGINT_EXC_MEMORY: return wf_err_no_memory();
  case WF_BIGINT_EXC_ZERODIV: return wf_err_set_string(&wf_ZeroDivisionError_type, wf_bigint_error_message(st));
  case WF_BIGINT_EXC_VALUE: return wf_err_set_string(&wf_ValueError_type, wf_bigint_error_message(st));
  case WF_BIGINT_EXC_OVERFLOW: return wf_err_set_string(&wf_OverflowError_type, wf_bigint_error_message(st));
  default: return wf_err_bad_internal_call("wf_int_raise_status_");
  }
}

/* ---- Conversions to C -------------------------------------------------------- */

int wf_int_sign(PyObject *o) {
  Py_ssize_t s = WF_SIZE(o);
  return s < 0 ? -1 : s > 0;
}

int wf_int_as_int64(PyObject *o, int64_t *out) {
  if (wf_int_small_value(o, out)) return 0;
  int st = wf_bigint_to_int64(out, LONG_DIGITS(o), WF_SIZE(o));
  if (st) {
    wf_int_raise_status_(st);
    return -1;
  }
  return 0;
}

Py_ssize_t wf_int_as_ssize(PyObject *o) {
  int64_t v;
  if (wf_int_small_value(o, &v)) return (Py_ssize_t)v;
  if (wf_bigint_to_int64(&v, LONG_DIGITS(o), WF_SIZE(o)) != 0) {
    wf_err_set_string(&wf_OverflowError_type, "Python int too large to convert to C ssize_t");
    return -1;
  }
  return (Py_ssize_t)v;
}

double wf_int_as_double(PyObject *o) {
  int64_t v;
  if (wf_int_small_value(o, &v) && v >= -((int64_t)1 << 53) && v <= ((int64_t)1 << 53)) return (double)v;
  double d;
  int st = wf_bigint_to_double(&d, LONG_DIGITS(o), WF_SIZE(o));
  if (st) {
    wf_int_raise_status_(st);
    return -1.0;
  }
  return d;
}

uint64_t wf_int_bit_length(PyObject *o) { return wf_bigint_bit_length(LONG_DIGITS(o), long_ndigits(o)); }

/* ---- From double ------------------------------------------------------------- */

PyObject *wf_int_from_double(double v) {
  if (v > -9.2e18 && v < 9.2e18) return wf_int_from_int64((int64_t)v);
  size_t n = wf_bigint_from_double_size(v);
  digit buf[40];
  if (n > 40) return wf_err_bad_internal_call("wf_int_from_double");
  ptrdiff_t sr;
  int st = wf_bigint_from_double(buf, &sr, v);
  if (st) return wf_int_raise_status_(st);
  return wf_int_from_digits(buf, (size_t)(sr < 0 ? -sr : sr), sr < 0 ? -1 : 1);
}

/* ---- Hash --------------------------------------------------------------------- */

Py_hash_t wf_int_hash(PyObject *o) {
  int64_t v;
  if (wf_int_small_value(o, &v)) return wf_hash_int64(v);
  return wf_hash_int_digits(LONG_DIGITS(o), long_ndigits(o), WF_SIZE(o) < 0 ? -1 : 1);
}

/* ---- Comparison --------------------------------------------------------------- */

int wf_int_compare(PyObject *a, PyObject *b) {
  int64_t x, y;
  if (wf_int_small_value(a, &x) && wf_int_small_value(b, &y)) return (x > y) - (x < y);
  Py_ssize_t sa = WF_SIZE(a), sb = WF_SIZE(b);
  if (sa != sb) return sa < sb ? -1 : 1;
  int c = wf_bigint_cmp(LONG_DIGITS(a), long_ndigits(a), LONG_DIGITS(b), long_ndigits(b));
  return sa < 0 ? -c : c;
}

/* Exact: |i| <= 2**53 compares as a double; otherwise i is compared with
 * trunc(d) as integers, and a fractional part of d breaks a tie. */
int wf_int_compare_double(PyObject *i, double d) {
  if (isnan(d)) return 2;
  if (isinf(d)) return d > 0 ? -1 : 1;
  int64_t v;
  if (wf_int_small_value(i, &v) && v >= -((int64_t)1 << 53) && v <= ((int64_t)1 << 53)) {
    double x = (double)v;
    return (x > d) - (x < d);
  }
  int si = wf_int_sign(i);
  int sd = d > 0 ? 1 : d < 0 ? -1 : 0;
  if (si != sd) return si < sd ? -1 : 1;
  digit buf[40];
  ptrdiff_t st;
  double t = trunc(d);
  if (wf_bigint_from_double(buf, &st, t) != 0) return 2; /* unreachable: finite */
  Py_ssize_t s = WF_SIZE(i);
  int c;
  if (s != st) {
    c = s < st ? -1 : 1;
  } else {
    c = wf_bigint_cmp(LONG_DIGITS(i), long_ndigits(i), buf, (size_t)(st < 0 ? -st : st));
    if (s < 0) c = -c;
  }
  if (c != 0) return c;
  if (d == t) return 0;
  return d > t ? -1 : 1;
}

static PyObject *cmp_result(int c, int op) {
  bool r;
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

PyObject *wf_int_richcompare_(PyObject *a, PyObject *b, int op) {
  if (!wf_int_check(a) || !wf_int_check(b)) return WF_NOTIMPLEMENTED;
  if (a == b) return cmp_result(0, op);
  return cmp_result(wf_int_compare(a, b), op);
}

/* ---- repr ---------------------------------------------------------------------- */

static size_t fmt_u64(char *end, uint64_t m) {
  char *p = end;
  do {
    *--p = (char)('0' + m % 10);
    m /= 10;
  } while (m);
  return (size_t)(end - p);
}

PyObject *wf_int_repr(PyObject *o) {
  int64_t v;
  if (wf_int_small_value(o, &v)) {
    char buf[24];
    char *end = buf + sizeof buf;
    size_t n = fmt_u64(end, v < 0 ? -(uint64_t)v : (uint64_t)v);
    if (v < 0) buf[sizeof buf - ++n] = '-';
    return wf_str_from_utf8(end - n, (Py_ssize_t)n);
  }
  size_t cap = wf_bigint_to_str_size(LONG_DIGITS(o), WF_SIZE(o), 10);
  char *buf = malloc(cap + 1);
  if (!buf) return wf_err_no_memory();
  size_t n;
  int limit = wf_int_get_max_str_digits();
  int st = wf_bigint_to_str(buf, &n, LONG_DIGITS(o), WF_SIZE(o), 10, (size_t)limit);
  if (st) {
    free(buf);
    if (st == WF_BIGINT_ESTR_LIMIT_TO_STR) {
      char msg[256];
      wf_bigint_format_error(msg, sizeof msg, st, limit, 0, "");
      return wf_err_set_string(&wf_ValueError_type, msg);
    }
    return wf_int_raise_status_(st);
  }
  PyObject *r = wf_str_from_utf8(buf, (Py_ssize_t)n);
  free(buf);
  return r;
}

PyObject *wf_int_to_base_str(PyObject *o, int base) {
  size_t cap = wf_bigint_to_str_size(LONG_DIGITS(o), WF_SIZE(o), base) + 3;
  char *buf = malloc(cap + 1);
  if (!buf) return wf_err_no_memory();
  size_t n;
  char *p = buf;
  bool neg = WF_SIZE(o) < 0;
  if (neg) *p++ = '-';
  *p++ = '0';
  *p++ = base == 2 ? 'b' : base == 8 ? 'o' : 'x';
  /* Digits of |o| after the prefix. */
  int st = wf_bigint_to_str(p, &n, LONG_DIGITS(o), (ptrdiff_t)long_ndigits(o), base, 0);
  if (st) {
    free(buf);
    return wf_int_raise_status_(st);
  }
  PyObject *r = wf_str_from_utf8(buf, (Py_ssize_t)(p - buf + n));
  free(buf);
  return r;
}

static PyObject *int_repr(PyObject *o) { return wf_int_repr(o); }
static Py_hash_t int_hash(PyObject *o) { return wf_int_hash(o); }

/* ---- Parsing ------------------------------------------------------------------- */

uint32_t *wf_numbers_str_ucs4_(PyObject *s, Py_ssize_t *n) {
  Py_ssize_t len = wf_str_length(s);
  uint32_t *cps = malloc(((size_t)len + 1) * sizeof(uint32_t));
  if (!cps) {
    wf_err_no_memory();
    return NULL;
  }
  for (Py_ssize_t i = 0; i < len; i++) cps[i] = wf_str_read_char(s, i);
  *n = len;
  return cps;
}

void wf_numbers_to_ascii_(const uint32_t *cps, Py_ssize_t n, char *out) {
  for (Py_ssize_t i = 0; i < n; i++) {
    uint32_t c = cps[i];
    if (c < 128) {
      out[i] = (char)c;
    } else if (wf_uc_isspace(c)) {
      out[i] = ' ';
    } else {
      int d = wf_uc_decimal(c);
      out[i] = d >= 0 ? (char)('0' + d) : '?';
    }
  }
  out[n] = 0;
}

bool wf_numbers_is_bytes_like_(PyObject *o) { return wf_bytes_check(o) || wf_bytearray_check(o); }

int wf_numbers_get_bytes_(PyObject *o, bool any_buffer, const char **data, Py_ssize_t *n, PyObject **keep) {
  if (any_buffer ? !wf_byteslike_check(o) : !wf_numbers_is_bytes_like_(o)) return 0;
  return wf_byteslike_view(o, data, n, keep) < 0 ? -1 : 1;
}

/* int(s, base) over ASCII text; `orig` (a str/bytes object, may be NULL)
 * names the literal in the error message. */
static PyObject *parse_ascii(const char *s, size_t n, int base, PyObject *orig) {
  if (base != 0 && (base < 2 || base > 36))
    return wf_err_set_string(&wf_ValueError_type, wf_bigint_error_message(WF_BIGINT_EBAD_BASE));
  /* Fast path: short plain decimal. */
  if (base == 10 && n > 0 && n <= 18) {
    size_t i = 0;
    bool neg = false;
    if (s[0] == '-' || s[0] == '+') {
      neg = s[0] == '-';
      i = 1;
    }
    if (i < n) {
      int64_t v = 0;
      size_t j = i;
      for (; j < n && s[j] >= '0' && s[j] <= '9'; j++) v = v * 10 + (s[j] - '0');
      if (j == n) return wf_int_from_int64(neg ? -v : v);
    }
  }
  size_t cap = wf_bigint_from_str_size(n, base);
  PyLongObject *r = wf_int_alloc_(cap);
  ptrdiff_t sr;
  size_t nd = 0;
  int limit = wf_int_get_max_str_digits();
  int st = wf_bigint_from_str(r->ob_digit, &sr, s, n, base, (size_t)limit, &nd);
  if (st == 0) return wf_int_finish_(r, sr);
  if (st == WF_BIGINT_EINVALID_LITERAL) {
    if (!orig) {
      orig = wf_str_from_utf8(s, (Py_ssize_t)n);
      if (!orig) return NULL;
    }
    return wf_err_format(&wf_ValueError_type, "invalid literal for int() with base %d: %.200R", base, orig);
  }
  if (st == WF_BIGINT_ESTR_LIMIT_TO_INT) {
    char msg[300];
    wf_bigint_format_error(msg, sizeof msg, st, limit, nd, "");
    return wf_err_set_string(&wf_ValueError_type, msg);
  }
  return wf_int_raise_status_(st);
}

PyObject *wf_int_from_str_object(PyObject *o, int base) {
  if (wf_str_check(o)) {
    PyASCIIObject *a = (PyASCIIObject *)o;
    if (a->state.ascii && a->state.compact) return parse_ascii((const char *)(a + 1), (size_t)a->length, base, o);
    Py_ssize_t n;
    uint32_t *cps = wf_numbers_str_ucs4_(o, &n);
    if (!cps) return NULL;
    char *buf = malloc((size_t)n + 1);
    if (!buf) {
      free(cps);
      return wf_err_no_memory();
    }
    wf_numbers_to_ascii_(cps, n, buf);
    free(cps);
    PyObject *r = parse_ascii(buf, (size_t)n, base, o);
    free(buf);
    return r;
  }
  const char *data;
  Py_ssize_t n;
  PyObject *keep = NULL;
  WF_GC_ROOT(keep);
  int k = wf_numbers_get_bytes_(o, false, &data, &n, &keep);
  if (k < 0) return NULL;
  if (k == 0) return wf_err_set_string(&wf_TypeError_type, "int() can't convert non-string with explicit base");
  return parse_ascii(data, (size_t)n, base, o);
}

PyObject *wf_int_from_string(const char *s, Py_ssize_t n, int base) {
  bool ascii = true;
  for (Py_ssize_t i = 0; i < n; i++)
    if ((unsigned char)s[i] >= 128) {
      ascii = false;
      break;
    }
  if (ascii) return parse_ascii(s, (size_t)n, base, NULL);
  PyObject *str = wf_str_from_utf8(s, n);
  if (!str) return NULL;
  return wf_int_from_str_object(str, base);
}

/* ---- The type ------------------------------------------------------------------ */

PyTypeObject wf_int_type = {
    .ob_base = {.ob_base = {.ob_refcnt = 1, .ob_type = &wf_type_type}},
    .tp_name = "int",
    .tp_basicsize = offsetof(PyLongObject, ob_digit),
    .tp_itemsize = sizeof(digit),
    .tp_repr = int_repr,
    .tp_as_number = &wf_int_as_number_,
    .tp_hash = int_hash,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_LONG_SUBCLASS | Py_TPFLAGS_MATCH_SELF |
                Py_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "int([x]) -> integer\n"
              "int(x, base=10) -> integer\n\n"
              "Convert a number or string to an integer, or return 0 if no arguments\n"
              "are given.  If x is a number, return x.__int__().  For floating point\n"
              "numbers, this truncates towards zero.\n\n"
              "If x is not a number or if base is given, then x must be a string,\n"
              "bytes, or bytearray instance representing an integer literal in the\n"
              "given base.  The literal can be preceded by '+' or '-' and be surrounded\n"
              "by whitespace.  The base defaults to 10.  Valid bases are 0 and 2-36.\n"
              "Base 0 means to interpret the base from the string as an integer literal.\n"
              ">>> int('0b100', base=0)\n"
              "4",
    .tp_richcompare = wf_int_richcompare_,
    .tp_methods = wf_int_methods_,
    .tp_getset = wf_int_getset_,
    .tp_new = wf_int_new_,
};
