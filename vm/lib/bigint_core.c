/* bigint_core.c — digit loops, magnitude add/sub/compare/shift, bit counts,
 * C integer conversion, temporary memory and error texts.
 *
 * Digits are 30 bits in uint32_t, least significant first. The loops carry
 * in a uint64_t (or rely on the 2 spare bits of a uint32_t) and keep every
 * stored digit < 2**30. Inputs to the public functions are normalised
 * magnitudes; outputs are returned normalised.
 */
#include "bigint_internal.h"

#include <stdio.h>
#include <stdlib.h>

/* ---- temporary memory ------------------------------------------------- */
void *wf_bigint_tmp_alloc(size_t nbytes) { return malloc(nbytes ? nbytes : 1); }
void wf_bigint_tmp_free(void *p) { free(p); }

bool wf_bi_tmp_reserve(wf_bi_tmp *t, size_t cap) {
  if (t->cap >= cap) return true;
  if (cap > SIZE_MAX / sizeof(digit)) return false;
  digit *d = dalloc(cap);
  if (!d) return false;
  dcopy(d, t->d, t->n);
  wf_bigint_tmp_free(t->d);
  t->d = d;
  t->cap = cap;
  return true;
}
void wf_bi_tmp_free(wf_bi_tmp *t) {
  wf_bigint_tmp_free(t->d);
  t->d = NULL;
  t->n = t->cap = 0;
}
bool wf_bi_tmp_set(wf_bi_tmp *t, const digit *a, size_t n, bool neg) {
  if (!wf_bi_tmp_reserve(t, n + 1)) return false;
  dcopy(t->d, a, n);
  t->n = n;
  t->neg = n ? neg : false;
  return true;
}

/* ---- errors ----------------------------------------------------------- */
wf_bigint_exc wf_bigint_error_kind(int status) {
  switch (status) {
    case WF_BIGINT_OK:
      return WF_BIGINT_EXC_NONE;
    case WF_BIGINT_ENOMEM:
      return WF_BIGINT_EXC_MEMORY;
    case WF_BIGINT_EZERODIV:
    case WF_BIGINT_EZERODIV_MOD:
    case WF_BIGINT_EZERODIV_TRUE:
      return WF_BIGINT_EXC_ZERODIV;
    case WF_BIGINT_ENEG_POW:
      return WF_BIGINT_EXC_FLOAT_POW;
    case WF_BIGINT_EPOW_MOD_ZERO:
    case WF_BIGINT_ENOT_INVERTIBLE:
    case WF_BIGINT_ENEG_SHIFT:
    case WF_BIGINT_EINVALID_LITERAL:
    case WF_BIGINT_EBAD_BASE:
    case WF_BIGINT_ESTR_LIMIT_TO_STR:
    case WF_BIGINT_ESTR_LIMIT_TO_INT:
    case WF_BIGINT_EFLOAT_NAN:
      return WF_BIGINT_EXC_VALUE;
    default:
      return WF_BIGINT_EXC_OVERFLOW;
  }
}

const char *wf_bigint_error_message(int status) {
  switch (status) {
    case WF_BIGINT_OK:
      return "";
    case WF_BIGINT_ENOMEM:
      return "";
    case WF_BIGINT_EZERODIV:
      return "integer division or modulo by zero";
    case WF_BIGINT_EZERODIV_MOD:
      return "integer modulo by zero";
    case WF_BIGINT_EZERODIV_TRUE:
      return "division by zero";
    case WF_BIGINT_EPOW_MOD_ZERO:
      return "pow() 3rd argument cannot be 0";
    case WF_BIGINT_ENOT_INVERTIBLE:
      return "base is not invertible for the given modulus";
    case WF_BIGINT_ENEG_SHIFT:
      return "negative shift count";
    case WF_BIGINT_ENEG_POW:
      return "negative exponent: float power";
    case WF_BIGINT_EFLOAT_OVERFLOW:
      return "int too large to convert to float";
    case WF_BIGINT_ETRUEDIV_OVERFLOW:
      return "integer division result too large for a float";
    case WF_BIGINT_EINVALID_LITERAL:
      return "invalid literal for int() with base %d: %s";
    case WF_BIGINT_EBAD_BASE:
      return "int() base must be >= 2 and <= 36, or 0";
    case WF_BIGINT_ESTR_LIMIT_TO_STR:
      return "Exceeds the limit (%d digits) for integer string conversion; "
             "use sys.set_int_max_str_digits() to increase the limit";
    case WF_BIGINT_ESTR_LIMIT_TO_INT:
      return "Exceeds the limit (%d digits) for integer string conversion: "
             "value has %zu digits; use sys.set_int_max_str_digits() to increase the limit";
    case WF_BIGINT_EBYTES_OVERFLOW:
      return "int too big to convert";
    case WF_BIGINT_ENEG_UNSIGNED:
      return "can't convert negative int to unsigned";
    case WF_BIGINT_ELONG_OVERFLOW:
      return "Python int too large to convert to C long";
    case WF_BIGINT_EULONG_OVERFLOW:
      return "Python int too large to convert to C unsigned long";
    case WF_BIGINT_ENEG_ULONG:
      return "can't convert negative value to unsigned int";
    case WF_BIGINT_EFLOAT_INF:
      return "cannot convert float infinity to integer";
    case WF_BIGINT_EFLOAT_NAN:
      return "cannot convert float NaN to integer";
    default:
      return "unknown bigint error";
  }
}

int wf_bigint_format_error(char *buf, size_t cap, int status, long num1, size_t num2, const char *repr) {
  const char *fmt = wf_bigint_error_message(status);
  switch (status) {
    case WF_BIGINT_EINVALID_LITERAL:
      return snprintf(buf, cap, fmt, (int)num1, repr ? repr : "");
    case WF_BIGINT_ESTR_LIMIT_TO_STR:
      return snprintf(buf, cap, fmt, (int)num1);
    case WF_BIGINT_ESTR_LIMIT_TO_INT:
      return snprintf(buf, cap, fmt, (int)num1, num2);
    default:
      return snprintf(buf, cap, "%s", fmt);
  }
}

/* ---- digit loops ------------------------------------------------------ */
digit wf_bi_add_n(digit *r, const digit *a, const digit *b, size_t n) {
  digit c = 0;
  for (size_t i = 0; i < n; i++) {
    c += a[i] + b[i];
    r[i] = c & MASK;
    c >>= SHIFT;
  }
  return c;
}

digit wf_bi_sub_n(digit *r, const digit *a, const digit *b, size_t n) {
  digit c = 0;
  for (size_t i = 0; i < n; i++) {
    c = a[i] - b[i] - c;
    r[i] = c & MASK;
    c >>= 31; /* 1 if it wrapped */
  }
  return c;
}

digit wf_bi_add_1(digit *r, const digit *a, size_t n, digit c) {
  size_t i = 0;
  for (; i < n && c; i++) {
    c += a[i];
    r[i] = c & MASK;
    c >>= SHIFT;
  }
  if (r != a)
    for (; i < n; i++) r[i] = a[i];
  return c;
}

digit wf_bi_sub_1(digit *r, const digit *a, size_t n, digit c) {
  size_t i = 0;
  for (; i < n && c; i++) {
    c = a[i] - c;
    r[i] = c & MASK;
    c >>= 31;
  }
  if (r != a)
    for (; i < n; i++) r[i] = a[i];
  return c;
}

digit wf_bi_mul_1(digit *r, const digit *a, size_t n, digit d) {
  ddigit c = 0;
  for (size_t i = 0; i < n; i++) {
    c += (ddigit)a[i] * d;
    r[i] = (digit)c & MASK;
    c >>= SHIFT;
  }
  return (digit)c;
}

digit wf_bi_addmul_1(digit *r, const digit *a, size_t n, digit d) {
  ddigit c = 0;
  for (size_t i = 0; i < n; i++) {
    c += (ddigit)a[i] * d + r[i];
    r[i] = (digit)c & MASK;
    c >>= SHIFT;
  }
  return (digit)c;
}

digit wf_bi_submul_1(digit *r, const digit *a, size_t n, digit d) {
  /* Signed running carry c in (-2**31, 0]: t = r[i] + c - a[i] d fits an
   * int64_t; the arithmetic shift floors, keeping the stored digit >= 0. */
  int64_t c = 0;
  for (size_t i = 0; i < n; i++) {
    int64_t t = (int64_t)r[i] + c - (int64_t)((ddigit)a[i] * d);
    r[i] = (digit)t & MASK;
    c = t >> SHIFT;
  }
  return (digit)-c;
}

digit wf_bi_lshift_small(digit *r, const digit *a, size_t n, int s) {
  digit c = 0;
  for (size_t i = 0; i < n; i++) {
    ddigit x = ((ddigit)a[i] << s) | c;
    r[i] = (digit)x & MASK;
    c = (digit)(x >> SHIFT);
  }
  return c;
}

digit wf_bi_rshift_small(digit *r, const digit *a, size_t n, int s) {
  digit c = 0;
  digit m = ((digit)1 << s) - 1;
  for (size_t i = n; i-- > 0;) {
    ddigit x = ((ddigit)c << SHIFT) | a[i];
    c = a[i] & m;
    r[i] = (digit)(x >> s) & MASK;
  }
  return c;
}

digit wf_bi_add_into(digit *r, size_t nr, const digit *a, size_t na) {
  digit c = wf_bi_add_n(r, r, a, na);
  return wf_bi_add_1(r + na, r + na, nr - na, c);
}

digit wf_bi_sub_from(digit *r, size_t nr, const digit *a, size_t na) {
  digit c = wf_bi_sub_n(r, r, a, na);
  return wf_bi_sub_1(r + na, r + na, nr - na, c);
}

int wf_bi_bits_in_digit(digit d) { return d ? 32 - __builtin_clz(d) : 0; }

/* ---- magnitudes ------------------------------------------------------- */
int wf_bigint_cmp(const uint32_t *a, size_t na, const uint32_t *b, size_t nb) {
  if (na != nb) return na < nb ? -1 : 1;
  for (size_t i = na; i-- > 0;)
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

size_t wf_bigint_add(uint32_t *r, const uint32_t *a, size_t na, const uint32_t *b, size_t nb) {
  if (na < nb) {
    const uint32_t *t = a;
    a = b;
    b = t;
    size_t tn = na;
    na = nb;
    nb = tn;
  }
  digit c = wf_bi_add_n(r, a, b, nb);
  c = wf_bi_add_1(r + nb, a + nb, na - nb, c);
  r[na] = c;
  return na + (c != 0);
}

size_t wf_bigint_sub(uint32_t *r, const uint32_t *a, size_t na, const uint32_t *b, size_t nb) {
  digit c = wf_bi_sub_n(r, a, b, nb);
  wf_bi_sub_1(r + nb, a + nb, na - nb, c);
  return norm_len(r, na);
}

size_t wf_bigint_lshift(uint32_t *r, const uint32_t *a, size_t na, uint64_t bits) {
  if (na == 0) return 0;
  size_t w = (size_t)(bits / SHIFT);
  int s = (int)(bits % SHIFT);
  /* Work from the top so that r may alias a. */
  digit top = 0;
  if (s) {
    top = a[na - 1] >> (SHIFT - s);
    for (size_t i = na; i-- > 1;) r[i + w] = ((a[i] << s) & MASK) | (a[i - 1] >> (SHIFT - s));
    r[w] = (a[0] << s) & MASK;
  } else {
    memmove(r + w, a, na * sizeof(digit));
  }
  dzero(r, w);
  r[na + w] = top;
  return na + w + (top != 0);
}

size_t wf_bigint_rshift(uint32_t *r, const uint32_t *a, size_t na, uint64_t bits) {
  size_t w = (size_t)(bits / SHIFT);
  if (bits / SHIFT >= na) return 0;
  int s = (int)(bits % SHIFT);
  size_t n = na - w;
  if (s) {
    for (size_t i = 0; i + 1 < n; i++) r[i] = (a[i + w] >> s) | ((a[i + w + 1] << (SHIFT - s)) & MASK);
    r[n - 1] = a[na - 1] >> s;
  } else {
    memmove(r, a + w, n * sizeof(digit));
  }
  return norm_len(r, n);
}

uint64_t wf_bigint_bit_length(const uint32_t *a, size_t na) {
  if (na == 0) return 0;
  return (uint64_t)(na - 1) * SHIFT + (uint64_t)wf_bi_bits_in_digit(a[na - 1]);
}

uint64_t wf_bigint_bit_count(const uint32_t *a, size_t na) {
  uint64_t c = 0;
  for (size_t i = 0; i < na; i++) c += (uint64_t)__builtin_popcount(a[i]);
  return c;
}

/* ---- C integers ------------------------------------------------------- */
void wf_bigint_from_uint64(uint32_t *r, ptrdiff_t *sr, uint64_t v) {
  size_t n = 0;
  while (v) {
    r[n++] = (digit)v & MASK;
    v >>= SHIFT;
  }
  *sr = (ptrdiff_t)n;
}

void wf_bigint_from_int64(uint32_t *r, ptrdiff_t *sr, int64_t v) {
  uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
  wf_bigint_from_uint64(r, sr, m);
  if (v < 0) *sr = -*sr;
}

static bool mag_to_u64(const digit *a, size_t n, uint64_t *out) {
  if (n > 3) return false;
  uint64_t v = 0;
  for (size_t i = n; i-- > 0;) {
    if (v >> (64 - SHIFT)) return false;
    v = (v << SHIFT) | a[i];
  }
  *out = v;
  return true;
}

int wf_bigint_to_int64(int64_t *out, const uint32_t *a, ptrdiff_t sa) {
  uint64_t m;
  if (!mag_to_u64(a, absz(sa), &m)) return WF_BIGINT_ELONG_OVERFLOW;
  if (sa >= 0) {
    if (m > (uint64_t)INT64_MAX) return WF_BIGINT_ELONG_OVERFLOW;
    *out = (int64_t)m;
  } else {
    if (m > (uint64_t)INT64_MAX + 1) return WF_BIGINT_ELONG_OVERFLOW;
    *out = (int64_t)(0 - m);
  }
  return WF_BIGINT_OK;
}

int wf_bigint_to_uint64(uint64_t *out, const uint32_t *a, ptrdiff_t sa) {
  if (sa < 0) return WF_BIGINT_ENEG_ULONG;
  uint64_t m;
  if (!mag_to_u64(a, (size_t)sa, &m)) return WF_BIGINT_EULONG_OVERFLOW;
  *out = m;
  return WF_BIGINT_OK;
}
