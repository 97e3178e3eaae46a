/* float_strtod.c — decimal and hexadecimal text -> double, and float.hex().
 *
 * Decimal parsing (correctly rounded, ties to even):
 *   1. Scan the syntax, keeping at most MAX_SIG significant digits D and
 *      a sticky flag for any non-zero digit dropped beyond them, so the
 *      value is (D + tiny) * 10^E.  800 digits suffice: a halfway point
 *      between two doubles has at most 767 significant digits, so the
 *      dropped tail can only matter as "strictly above" (sticky).
 *   2. Values with decimal point position beyond 10^310 overflow, below
 *      10^-324 flush to zero (both far outside the double range).
 *   3. Fast path (Clinger): D < 10^15 exact and |E| <= 22 — one IEEE
 *      multiplication or division of exact operands, correctly rounded.
 *   4. E >= 0: D * 10^E is an integer; round its top 64 bits plus a
 *      sticky bit (wf_float_from_bits).
 *   5. E < 0: approximate z from the top 64 bits of D and 5^-E (within an
 *      ulp or two), then decide exactly: compare D * 2^a with
 *      (2M+1) * 5^-E * 2^b, i.e. x against the halfway points around z,
 *      moving z one ulp at a time until x lies in z's rounding interval.
 * Hex parsing keeps 16 significant hex digits plus sticky and rounds once.
 * No state outside the stack; no locale.
 */
#include "float_internal.h"
#include "wf_float.h"

#include <float.h>
#include <math.h>

#define MAX_SIG 800

double wf_float_from_bits(uint64_t m, int64_t e2, int sticky, int *overflow) {
  *overflow = 0;
  int nb = 64 - __builtin_clzll(m);
  m <<= 64 - nb;
  e2 -= 64 - nb;
  int64_t lead = e2 + 63;
  if (lead > 1023) {
    *overflow = 1;
    return HUGE_VAL;
  }
  int64_t drop = lead >= -1022 ? 11 : -1074 - e2;
  if (drop > 64) return 0.0;
  uint64_t q, rem, half;
  if (drop == 64) {
    q = 0;
    rem = m;
    half = UINT64_C(1) << 63;
  } else {
    q = m >> drop;
    rem = m & ((UINT64_C(1) << drop) - 1);
    half = UINT64_C(1) << (drop - 1);
  }
  if (rem > half || (rem == half && (sticky || (q & 1)))) q++;
  double r = ldexp((double)q, (int)(e2 + drop));
  if (isinf(r)) *overflow = 1;
  return r;
}

static int is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
         c == '\r';
}

static int lower(char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* Case-insensitive match of word at s[i..n). */
static int match_word(const char *s, size_t i, size_t n, const char *word) {
  size_t k = 0;
  for (; word[k]; k++)
    if (i + k >= n || lower(s[i + k]) != word[k]) return 0;
  return 1;
}

static const double exact_pow10[23] = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

static void bn_from_digits(wf_bn *b, const char *dig, int nd) {
  b->n = 0;
  int i = 0;
  int first = nd % 9 ? nd % 9 : 9;
  while (i < nd) {
    int take = i == 0 ? first : 9;
    uint32_t chunk = 0, mul = 1;
    for (int k = 0; k < take; k++) {
      chunk = chunk * 10 + (uint32_t)(dig[i + k] - '0');
      mul *= 10;
    }
    wf_bn_muladd_u32(b, mul, chunk);
    i += take;
  }
}

/* Top 64 bits of b as a double (rounded) and the exponent of its scale:
   b ~= result * 2^*e. */
static double top_double(const wf_bn *b, int *e) {
  int bl = wf_bn_bitlen(b);
  *e = bl - 64;
  return (double)wf_bn_window(b, bl - 64);
}

/* Compare (D + sticky) / (P * 2^negE) with H * 2^hexp. */
static int cmp_half(const wf_bn *D, int sticky, const wf_bn *P, int negE,
                    uint64_t H, int hexp) {
  wf_bn lhs, rhs;
  wf_bn_copy(&lhs, D);
  wf_bn_copy(&rhs, P);
  wf_bn_mul_u64(&rhs, H);
  int t = hexp + negE;
  if (t >= 0)
    wf_bn_shl(&rhs, t);
  else
    wf_bn_shl(&lhs, -t);
  int c = wf_bn_cmp(&lhs, &rhs);
  if (c == 0 && sticky) c = 1;
  return c;
}

static double step(double z, int up) {
  uint64_t bits;
  memcpy(&bits, &z, sizeof bits);
  bits += up ? 1 : (uint64_t)-1;
  memcpy(&z, &bits, sizeof z);
  return z;
}

/* Correctly rounded D * 10^E (D given as nd > 0 digits without leading or
   trailing zeros). */
static double decimal_to_double(const char *dig, int nd, int sticky,
                                int64_t E, int *overflow) {
  *overflow = 0;
  int64_t decpt = nd + E;
  if (decpt > 310) {
    *overflow = 1;
    return HUGE_VAL;
  }
  if (decpt < -324) return 0.0;
  if (nd <= 15 && !sticky && E >= -22 && E <= 22) {
    uint64_t v = 0;
    for (int i = 0; i < nd; i++) v = v * 10 + (uint64_t)(dig[i] - '0');
    double d = (double)v;
    return E >= 0 ? d * exact_pow10[E] : d / exact_pow10[-E];
  }
  wf_bn D;
  bn_from_digits(&D, dig, nd);
  if (E >= 0) {
    wf_bn_mul_pow10(&D, (int)E);
    int bl = wf_bn_bitlen(&D);
    uint64_t top = wf_bn_window(&D, bl - 64);
    int st = sticky || wf_bn_low_nonzero(&D, bl - 64);
    return wf_float_from_bits(top, bl - 64, st, overflow);
  }
  int negE = (int)-E;
  wf_bn P;
  wf_bn_set_u64(&P, 1);
  wf_bn_mul_pow5(&P, negE);
  int eD, eP;
  double dD = top_double(&D, &eD), dP = top_double(&P, &eP);
  double z = ldexp(dD / dP, eD - eP - negE);
  if (isinf(z)) z = DBL_MAX;
  for (int iter = 0; iter < 64; iter++) {
    uint64_t bits;
    memcpy(&bits, &z, sizeof bits);
    int biased = (int)(bits >> 52);
    uint64_t M = bits & ((UINT64_C(1) << 52) - 1);
    int k = -1074;
    if (biased) {
      M |= UINT64_C(1) << 52;
      k = biased - 1075;
    }
    int c = cmp_half(&D, sticky, &P, negE, 2 * M + 1, k - 1);
    if (c > 0 || (c == 0 && (M & 1))) {
      if (z == DBL_MAX) {
        *overflow = 1;
        return HUGE_VAL;
      }
      z = step(z, 1);
      continue;
    }
    if (M == 0) return z;
    if (M == (UINT64_C(1) << 52) && biased > 1)
      c = cmp_half(&D, sticky, &P, negE, 4 * M - 1, k - 2);
    else
      c = cmp_half(&D, sticky, &P, negE, 2 * M - 1, k - 1);
    if (c < 0 || (c == 0 && (M & 1))) {
      z = step(z, 0);
      continue;
    }
    return z;
  }
  return z; /* not reached: z starts within a few ulps */
}

/* Scan digits with optional single underscores between them.  Calls
   on_digit for each digit; returns the index after the last digit taken
   (an underscore not followed by a digit is not taken). */
typedef struct {
  char dig[MAX_SIG];
  int nd;          /* stored significant digits */
  int sticky;      /* a non-zero digit was dropped */
  int64_t dexp;    /* value = dig * 10^dexp (+ sticky) */
  int any;         /* saw at least one digit */
} accum;

static size_t scan_digits(const char *s, size_t i, size_t n, int underscores,
                          accum *a, int frac) {
  int first = 1;
  while (i < n) {
    size_t j = i;
    if (!first && underscores && s[j] == '_') j++;
    if (j >= n || s[j] < '0' || s[j] > '9') break;
    char c = s[j];
    i = j + 1;
    first = 0;
    a->any = 1;
    if (a->nd == 0 && c == '0') {
      if (frac) a->dexp--;
      continue;
    }
    if (a->nd < MAX_SIG) {
      a->dig[a->nd++] = c;
      if (frac) a->dexp--;
    } else {
      if (c != '0') a->sticky = 1;
      if (!frac) a->dexp++;
    }
  }
  return i;
}

int wf_float_parse(const char *s, size_t n, unsigned flags, double *out,
                   size_t *consumed) {
  size_t i = 0;
  int us = (flags & WF_FLOAT_PARSE_UNDERSCORES) != 0;
  if (flags & WF_FLOAT_PARSE_SPACE)
    while (i < n && is_space(s[i])) i++;
  int neg = 0;
  if (i < n && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
  double val;
  int rc = WF_FLOAT_OK;
  size_t end;
  if ((flags & WF_FLOAT_PARSE_SPECIALS) && match_word(s, i, n, "inf")) {
    end = i + (match_word(s, i, n, "infinity") ? 8 : 3);
    val = HUGE_VAL;
  } else if ((flags & WF_FLOAT_PARSE_SPECIALS) && match_word(s, i, n, "nan")) {
    end = i + 3;
    val = NAN;
  } else {
    accum a;
    a.nd = 0;
    a.sticky = 0;
    a.dexp = 0;
    a.any = 0;
    size_t j = scan_digits(s, i, n, us, &a, 0);
    if (j < n && s[j] == '.') {
      size_t k = scan_digits(s, j + 1, n, us, &a, 1);
      /* "1." is fine; "." alone is not */
      j = k;
    }
    if (!a.any) {
      if (consumed) *consumed = 0;
      return WF_FLOAT_INVALID;
    }
    end = j;
    int64_t ev = 0;
    if (j < n && (s[j] == 'e' || s[j] == 'E')) {
      size_t k = j + 1;
      int eneg = 0;
      if (k < n && (s[k] == '+' || s[k] == '-')) eneg = s[k++] == '-';
      int edig = 0, first = 1;
      while (k < n) {
        size_t m = k;
        if (!first && us && s[m] == '_') m++;
        if (m >= n || s[m] < '0' || s[m] > '9') break;
        if (ev < 100000000) ev = ev * 10 + (s[m] - '0');
        k = m + 1;
        edig = 1;
        first = 0;
      }
      if (edig) {
        end = k;
        if (eneg) ev = -ev;
      } else {
        ev = 0;
      }
    }
    while (a.nd > 0 && a.dig[a.nd - 1] == '0') {
      a.nd--;
      a.dexp++;
    }
    if (a.nd == 0) {
      val = 0.0;
    } else {
      int ovf;
      val = decimal_to_double(a.dig, a.nd, a.sticky, a.dexp + ev, &ovf);
      if (ovf) rc = WF_FLOAT_OVERFLOW;
    }
  }
  size_t stop = end;
  if (flags & WF_FLOAT_PARSE_SPACE)
    while (stop < n && is_space(s[stop])) stop++;
  if (consumed) {
    *consumed = stop;
  } else if (stop != n) {
    return WF_FLOAT_INVALID;
  }
  *out = neg ? -val : val;
  return rc;
}

/* ------------------------------------------------------------------ hex */

size_t wf_float_hex(double x, char *buf, size_t cap) {
  char tmp[WF_FLOAT_HEX_MAX];
  size_t len = 0;
  if (isnan(x)) {
    memcpy(tmp, "nan", 3);
    len = 3;
  } else if (isinf(x)) {
    if (x < 0) tmp[len++] = '-';
    memcpy(tmp + len, "inf", 3);
    len += 3;
  } else {
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    if (bits >> 63) tmp[len++] = '-';
    int biased = (int)((bits >> 52) & 0x7ff);
    uint64_t frac = bits & ((UINT64_C(1) << 52) - 1);
    tmp[len++] = '0';
    tmp[len++] = 'x';
    if (biased == 0 && frac == 0) {
      memcpy(tmp + len, "0.0p+0", 6);
      len += 6;
    } else {
      tmp[len++] = biased ? '1' : '0';
      tmp[len++] = '.';
      for (int sh = 48; sh >= 0; sh -= 4)
        tmp[len++] = "0123456789abcdef"[(frac >> sh) & 15];
      int e = biased ? biased - 1023 : -1022;
      tmp[len++] = 'p';
      tmp[len++] = e < 0 ? '-' : '+';
      if (e < 0) e = -e;
      char eb[6];
      int en = 0;
      do {
        eb[en++] = (char)('0' + e % 10);
        e /= 10;
      } while (e);
      while (en) tmp[len++] = eb[--en];
    }
  }
  if (cap) {
    size_t w = len < cap ? len : cap - 1;
    memcpy(buf, tmp, w);
    buf[w] = 0;
  }
  return len;
}

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

int wf_float_fromhex(const char *s, size_t n, double *out) {
  size_t i = 0;
  while (i < n && is_space(s[i])) i++;
  int neg = 0;
  if (i < n && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
  double val;
  int rc = WF_FLOAT_OK;
  if (match_word(s, i, n, "inf")) {
    i += match_word(s, i, n, "infinity") ? 8 : 3;
    val = HUGE_VAL;
  } else if (match_word(s, i, n, "nan")) {
    i += 3;
    val = NAN;
  } else {
    if (i + 1 < n && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) i += 2;
    uint64_t m = 0;
    int stored = 0, sticky = 0, any = 0;
    int64_t dexp = 0; /* value = m * 16^dexp */
    for (int frac = 0; frac < 2; frac++) {
      while (i < n && hexval(s[i]) >= 0) {
        int h = hexval(s[i++]);
        any = 1;
        if (stored == 0 && h == 0) {
          if (frac) dexp--;
          continue;
        }
        if (stored < 16) {
          m = m << 4 | (uint64_t)h;
          stored++;
          if (frac) dexp--;
        } else {
          if (h) sticky = 1;
          if (!frac) dexp++;
        }
      }
      if (frac == 0) {
        if (i < n && s[i] == '.')
          i++;
        else
          break;
      }
    }
    if (!any) return WF_FLOAT_INVALID;
    int64_t pexp = 0;
    if (i < n && (s[i] == 'p' || s[i] == 'P')) {
      i++;
      int eneg = 0;
      if (i < n && (s[i] == '+' || s[i] == '-')) eneg = s[i++] == '-';
      int edig = 0;
      while (i < n && s[i] >= '0' && s[i] <= '9') {
        if (pexp < 1000000000000) pexp = pexp * 10 + (s[i] - '0');
        i++;
        edig = 1;
      }
      if (!edig) return WF_FLOAT_INVALID;
      if (eneg) pexp = -pexp;
    }
    if (m == 0) {
      val = 0.0;
    } else {
      int64_t e2 = 4 * dexp + pexp;
      int ovf = 0;
      if (e2 > 100000) {
        ovf = 1;
        val = HUGE_VAL;
      } else if (e2 < -100000) {
        val = 0.0;
      } else {
        val = wf_float_from_bits(m, e2, sticky, &ovf);
      }
      if (ovf) rc = WF_FLOAT_OVERFLOW;
    }
  }
  while (i < n && is_space(s[i])) i++;
  if (i != n) return WF_FLOAT_INVALID;
  *out = neg ? -val : val;
  return rc;
}
