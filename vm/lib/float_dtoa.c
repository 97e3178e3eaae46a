/* float_dtoa.c — double -> decimal digits, repr(), %-style formatting, round().
 *
 * Algorithm (exact, after Steele & White / Burger & Dybvig, "Printing
 * floating-point numbers quickly and accurately", 1996):
 *   1. Write |x| = f * 2^e exactly (f < 2^53).  Represent the value as the
 *      ratio r/s of two big integers, and for shortest output also the
 *      half-gaps m- and m+ to the neighbouring doubles (m+ = 2 m- when f is
 *      a power of two and the gap below is half the gap above).  Everything
 *      is pre-multiplied by 2 so the half-gaps are integers.
 *   2. Estimate the decimal exponent k = floor(log10 |x|) from the binary
 *      exponent (never too high, at most one too low), scale r or s by
 *      10^|k| so that r/s is in [1, 100), then fix up so the first digit is
 *      below 10 (for shortest: so that r + m+ stays below 10 s).
 *   3. Digit loop: d = floor(r / s), r = r mod s.
 *      Shortest: stop when r < m- (the digits so far, read back, round to
 *      x) or r + m+ > s (the next digit bumped up does); the bounds are
 *      inclusive when f is even, because round-half-even reading then
 *      lands on x.  If both hold, take the nearer (2r vs s), ties to the
 *      even digit.  This is the shortest output, nearest to x: what Python
 *      3.11's repr() (David Gay's mode 0) prints.
 *      Fixed: produce the requested digits, then round on the exact
 *      remainder (2r vs s), ties to even — exact half-even rounding of the
 *      binary value, as Python's format() does.
 *   4. Layout (wf_float_to_string) follows CPython's format_float_short
 *      rules for 'e' 'f' 'g' 'r' and the ALT / ADD_DOT_0 / NO_NEG_0 flags.
 * Fast paths for shortest: integers below 2^53 print their own digits;
 * for about 1e-20..1e36 the same loop runs in unsigned __int128.
 * Invariants: r < 10 s at each digit step; all state is on the stack.
 */
#include "float_internal.h"
#include "wf_float.h"

#include <math.h>

typedef struct {
  uint64_t f; /* mantissa with hidden bit */
  int e;      /* |x| = f * 2^e */
  int biased; /* biased exponent field (0 for subnormals) */
} decomposed;

static decomposed decompose(double x) {
  uint64_t bits;
  memcpy(&bits, &x, sizeof bits);
  decomposed d;
  d.biased = (int)((bits >> 52) & 0x7ff);
  uint64_t frac = bits & ((UINT64_C(1) << 52) - 1);
  if (d.biased == 0) {
    d.f = frac;
    d.e = -1074;
  } else {
    d.f = frac | (UINT64_C(1) << 52);
    d.e = d.biased - 1075;
  }
  return d;
}

/* floor(log10(2^b)) for |b| < 1200, exact: b*log10(2) is never within
   1e-6 of an integer there except at b == 0. */
static int floor_log10_pow2(int b) {
  return (int)floor((double)b * 0.30102999566398119521);
}

static int bitlen64(uint64_t v) { return 64 - __builtin_clzll(v); }

typedef unsigned __int128 u128;

/* The same Burger-Dybvig loop as below, in native 128-bit integers, for
   the everyday range where r, s, m+- and 10 s all stay below 2^127
   (about 1e-20 .. 1e36).  Returns -1 when out of range. */
static int shortest_small(decomposed v, int k, char digits[17], int *decpt) {
  int even = (v.f & 1) == 0;
  int asym = v.f == (UINT64_C(1) << 52) && v.biased > 1;
  u128 r, s, mm;
  static const uint64_t p10[20] = {
      1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull,
      10000000ull, 100000000ull, 1000000000ull, 10000000000ull,
      100000000000ull, 1000000000000ull, 10000000000000ull,
      100000000000000ull, 1000000000000000ull, 10000000000000000ull,
      100000000000000000ull, 1000000000000000000ull,
      10000000000000000000ull};
  if (k >= 0) {
    if (k > 36) return -1;
    u128 pk = k > 19 ? (u128)p10[k - 19] * p10[19] : (u128)p10[k];
    if (v.e >= 0) {
      if (v.e > 60) return -1;
      r = (u128)v.f << (v.e + 1 + asym);
      mm = (u128)1 << v.e;
      s = pk << (1 + asym);
    } else {
      if (1 + asym - v.e > 60) return -1;
      r = (u128)v.f << (1 + asym);
      mm = 1;
      s = pk << (1 + asym - v.e);
    }
  } else {
    if (-k > 19 || 1 + asym - v.e > 118) return -1;
    mm = p10[-k];
    r = (u128)v.f * mm << (1 + asym);
    s = (u128)1 << (1 + asym - v.e);
  }
  /* all quantities below 2^123 here: s < 2^123, r < 100 s is checked */
  if (s >> 120 || r >> 126) return -1;
  u128 mp = mm << asym;
  for (;;) {
    u128 s10 = s * 10;
    u128 hi = r + mp;
    if (even ? hi < s10 : hi <= s10) break;
    s = s10;
    k++;
    if (s >> 120) return -1;
  }
  int n = 0;
  for (;;) {
    int d = 0;
    while (r >= s) {
      r -= s;
      d++;
    }
    int low = even ? r <= mm : r < mm;
    int high = even ? r + mp >= s : r + mp > s;
    if (!low && !high) {
      digits[n++] = (char)('0' + d);
      r *= 10;
      mm *= 10;
      mp *= 10;
      continue;
    }
    if (low && high) {
      u128 r2 = r << 1;
      if (r2 > s || (r2 == s && (d & 1))) d++;
    } else if (high) {
      d++;
    }
    while (d == 10) {
      if (n == 0) {
        d = 1;
        k++;
        break;
      }
      d = digits[--n] - '0' + 1;
    }
    digits[n++] = (char)('0' + d);
    break;
  }
  while (n > 1 && digits[n - 1] == '0') n--;
  *decpt = k + 1;
  return n;
}

int wf_float_shortest(double x, char digits[17], int *decpt) {
  double ax = fabs(x);
  if (ax < 9007199254740992.0 && ax == (double)(uint64_t)ax) {
    /* Integers below 2^53: the gap to the neighbours is at most 1, so no
       other integer (in particular none with fewer significant digits)
       reads back as x; the shortest digits are the integer's own. */
    char tmp[20];
    int len = 0;
    for (uint64_t u = (uint64_t)ax; u; u /= 10) tmp[len++] = (char)('0' + u % 10);
    int n = 0;
    for (int i = len - 1; i >= 0; i--) digits[n++] = tmp[i];
    *decpt = len;
    while (n > 1 && digits[n - 1] == '0') n--;
    return n;
  }
  decomposed v = decompose(x);
  int k = floor_log10_pow2(v.e + bitlen64(v.f) - 1);
  int fast = shortest_small(v, k, digits, decpt);
  if (fast > 0) return fast;
  int even = (v.f & 1) == 0;
  wf_bn r, s, mm, mp_store;
  /* m+ is m- except at powers of two (then 2 m-): share it otherwise. */
  int asym = v.f == (UINT64_C(1) << 52) && v.biased > 1;
  wf_bn *mp = asym ? &mp_store : &mm;
  if (v.e >= 0) {
    wf_bn_set_u64(&r, v.f);
    wf_bn_shl(&r, v.e + 1 + asym);
    wf_bn_set_u64(&s, 2u << asym);
    wf_bn_mul_pow10(&s, k);
    wf_bn_set_u64(&mm, 1);
    wf_bn_shl(&mm, v.e);
  } else {
    wf_bn_set_u64(&s, 1);
    wf_bn_shl(&s, 1 + asym - v.e);
    wf_bn_set_u64(&mm, 1);
    if (k >= 0) {
      wf_bn_mul_pow10(&s, k);
    } else {
      wf_bn_mul_pow10(&mm, -k); /* one power of ten, shared below */
    }
    wf_bn_copy(&r, &mm);
    wf_bn_mul_u64(&r, v.f << (1 + asym));
  }
  if (asym) {
    wf_bn_copy(mp, &mm);
    wf_bn_shl(mp, 1);
  }
  /* Fix up: the first digit position must hold r + m+ (high bound). */
  for (;;) {
    wf_bn s10;
    wf_bn_copy(&s10, &s);
    wf_bn_mul_u32(&s10, 10);
    int c = wf_bn_cmp_sum(&r, mp, &s10);
    if (even ? c < 0 : c <= 0) break;
    wf_bn_copy(&s, &s10);
    k++;
  }
  wf_bn_divisor dv;
  wf_bn_divisor_init(&dv, &s);
  int n = 0;
  for (;;) {
    int d = wf_bn_quot_digit(&r, &s, &dv);
    int c1 = wf_bn_cmp(&r, &mm);
    int c2 = wf_bn_cmp_sum(&r, mp, &s);
    int low = even ? c1 <= 0 : c1 < 0;
    int high = even ? c2 >= 0 : c2 > 0;
    if (!low && !high) {
      digits[n++] = (char)('0' + d);
      wf_bn_mul_u32(&r, 10);
      wf_bn_mul_u32(&mm, 10);
      if (asym) wf_bn_mul_u32(mp, 10);
      continue;
    }
    if (low && high) {
      wf_bn r2;
      wf_bn_copy(&r2, &r);
      wf_bn_shl(&r2, 1);
      int c = wf_bn_cmp(&r2, &s);
      if (c > 0 || (c == 0 && (d & 1))) d++;
    } else if (high) {
      d++;
    }
    /* d == 10 cannot happen after the fix-up, but carry anyway. */
    while (d == 10) {
      if (n == 0) {
        d = 1;
        k++;
        break;
      }
      d = digits[--n] - '0' + 1;
    }
    digits[n++] = (char)('0' + d);
    break;
  }
  while (n > 1 && digits[n - 1] == '0') n--;
  *decpt = k + 1;
  return n;
}

int wf_float_digits(double x, char mode, int64_t ndigits,
                    char digits[WF_FLOAT_DIGITS_MAX], int *decpt) {
  decomposed v = decompose(x);
  if (v.f == 0) {
    *decpt = 1;
    return 0;
  }
  /* Beyond 1100 places the expansion is exact (1074 fractional binary
     digits); below -400 everything rounds to zero.  Clamping also keeps
     the position arithmetic far from int64 overflow. */
  if (ndigits > 1100) ndigits = 1100;
  if (ndigits < -400) ndigits = -400;
  wf_bn r, s;
  wf_bn_set_u64(&r, v.f);
  wf_bn_set_u64(&s, 1);
  if (v.e >= 0)
    wf_bn_shl(&r, v.e);
  else
    wf_bn_shl(&s, -v.e);
  int k = floor_log10_pow2(v.e + bitlen64(v.f) - 1);
  if (k >= 0)
    wf_bn_mul_pow10(&s, k);
  else
    wf_bn_mul_pow10(&r, -k);
  {
    wf_bn s10;
    wf_bn_copy(&s10, &s);
    wf_bn_mul_u32(&s10, 10);
    if (wf_bn_cmp(&r, &s10) >= 0) {
      wf_bn_copy(&s, &s10);
      k++;
    }
  }
  /* Now |x| = r/s * 10^k with r/s in [1, 10). */
  int64_t want = mode == 'e' ? ndigits : (int64_t)k + 1 + ndigits;
  if (want < 0) {
    *decpt = (int)(k + 1);
    return 0;
  }
  int n = 0;
  int exact = 0;
  if (want > WF_FLOAT_DIGITS_MAX) want = WF_FLOAT_DIGITS_MAX; /* the exact
      expansion has at most 767 significant digits: the rest are zeros */
  wf_bn_divisor dv;
  wf_bn_divisor_init(&dv, &s);
  if (want == 0) {
    /* Nothing kept: round r/s (in [1,10)) against 5 units. */
    wf_bn s5;
    wf_bn_copy(&s5, &s);
    wf_bn_mul_u32(&s5, 5);
    int c = wf_bn_cmp(&r, &s5);
    *decpt = k + 1;
    if (c > 0) { /* ties go to the even 0 */
      digits[0] = '1';
      *decpt = k + 2;
      return 1;
    }
    return 0;
  }
  for (;;) {
    int d = wf_bn_quot_digit(&r, &s, &dv);
    digits[n++] = (char)('0' + d);
    if (r.n == 0) {
      exact = 1;
      break;
    }
    if (n == want) break;
    wf_bn_mul_u32(&r, 10);
  }
  if (!exact) {
    wf_bn_shl(&r, 1);
    int c = wf_bn_cmp(&r, &s);
    if (c > 0 || (c == 0 && ((digits[n - 1] - '0') & 1))) {
      int i = n - 1;
      while (i >= 0 && digits[i] == '9') digits[i--] = '0';
      if (i < 0) {
        digits[0] = '1';
        n = 1;
        k++;
      } else {
        digits[i]++;
      }
    }
  }
  while (n > 0 && digits[n - 1] == '0') n--;
  *decpt = k + 1;
  return n;
}

/* ------------------------------------------------------------- layout */

typedef struct {
  char *buf;
  size_t cap, len;
} out;

static void put(out *o, char c) {
  if (o->len < o->cap) o->buf[o->len] = c;
  o->len++;
}

static void put_n(out *o, char c, int64_t count) {
  for (int64_t i = 0; i < count; i++) put(o, c);
}

static void put_s(out *o, const char *s) {
  while (*s) put(o, *s++);
}

static size_t finish(out *o) {
  if (o->cap) o->buf[o->len < o->cap ? o->len : o->cap - 1] = 0;
  return o->len;
}

size_t wf_float_to_string(double x, char code, int64_t precision,
                          unsigned flags, char *buf, size_t cap) {
  out o = {buf, cap, 0};
  int upper = code == 'E' || code == 'F' || code == 'G';
  char lc = upper ? (char)(code + ('a' - 'A')) : code;
  int negative = signbit(x) != 0;
  if (isnan(x)) negative = 0;
  char sign = negative ? '-' : (flags & WF_DTSF_SIGN) ? '+'
              : (flags & WF_DTSF_SPACE) ? ' ' : 0;
  if (!isfinite(x)) {
    if (sign) put(&o, sign);
    put_s(&o, isnan(x) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
    return finish(&o);
  }
  if (precision < 0) precision = 0;
  if (lc == 'g' && precision == 0) precision = 1;
  char dig[WF_FLOAT_DIGITS_MAX];
  int nd, decpt;
  if (x == 0) {
    dig[0] = '0';
    nd = 1;
    decpt = 1;
  } else if (lc == 'r') {
    nd = wf_float_shortest(x, dig, &decpt);
  } else if (lc == 'e') {
    nd = wf_float_digits(x, 'e', precision + 1, dig, &decpt);
  } else if (lc == 'f') {
    nd = wf_float_digits(x, 'f', precision, dig, &decpt);
  } else { /* 'g' */
    nd = wf_float_digits(x, 'e', precision, dig, &decpt);
  }
  if (nd == 0) { /* rounded to zero ('f' only) */
    dig[0] = '0';
    nd = 1;
    decpt = 1;
  }
  if ((flags & WF_DTSF_NO_NEG_0) && negative && nd == 1 && dig[0] == '0') {
    negative = 0;
    sign = (flags & WF_DTSF_SIGN) ? '+' : (flags & WF_DTSF_SPACE) ? ' ' : 0;
  }
  int alt = (flags & WF_DTSF_ALT) != 0;
  int dot0 = (flags & WF_DTSF_ADD_DOT_0) != 0;
  int use_exp = 0;
  int64_t frac = 0; /* digits after the point */
  switch (lc) {
  case 'e':
    use_exp = 1;
    frac = precision;
    break;
  case 'f':
    frac = precision;
    break;
  case 'g':
    if (decpt <= -4 || decpt > (dot0 ? precision - 1 : precision)) use_exp = 1;
    if (use_exp)
      frac = alt ? precision - 1 : nd - 1;
    else
      frac = alt ? precision - decpt : nd - decpt;
    break;
  default: /* 'r' */
    if (decpt <= -4 || decpt > 16) use_exp = 1;
    frac = use_exp ? nd - 1 : nd - decpt;
    break;
  }
  if (frac < 0) frac = 0;
  if (sign) put(&o, sign);
  if (use_exp) {
    put(&o, dig[0]);
    if (frac > 0 || alt) put(&o, '.');
    for (int64_t i = 1; i <= frac; i++) put(&o, i < nd ? dig[i] : '0');
    int e = decpt - 1;
    put(&o, upper ? 'E' : 'e');
    put(&o, e < 0 ? '-' : '+');
    if (e < 0) e = -e;
    char eb[8];
    int en = 0;
    do {
      eb[en++] = (char)('0' + e % 10);
      e /= 10;
    } while (e);
    if (en < 2) eb[en++] = '0';
    while (en) put(&o, eb[--en]);
  } else {
    if (decpt <= 0) {
      put(&o, '0');
    } else {
      for (int i = 0; i < decpt; i++) put(&o, i < nd ? dig[i] : '0');
    }
    if (frac > 0 || alt || dot0) put(&o, '.');
    if (frac > 0) {
      /* fraction positions decpt .. decpt+frac-1 of the digit string */
      int64_t p = decpt;
      int64_t zeros = 0;
      if (p < 0) {
        zeros = -p < frac ? -p : frac;
        put_n(&o, '0', zeros);
        p = 0;
      }
      int64_t left = frac - zeros;
      while (left > 0 && p < nd) {
        put(&o, dig[p++]);
        left--;
      }
      put_n(&o, '0', left);
    } else if (dot0) {
      put(&o, '0');
    }
  }
  return finish(&o);
}

size_t wf_float_repr(double x, char *buf, size_t cap) {
  return wf_float_to_string(x, 'r', 0, WF_DTSF_ADD_DOT_0, buf, cap);
}

/* ---------------------------------------------------------------- round */

/* round(x, n): CPython computes the correctly rounded decimal string of x
   at 10^-n (half-even on the exact value) and reads it back.  Limits:
   n > 323 (more than any double's decimal places) returns x; n < -308
   returns 0.0 * x.  A result beyond DBL_MAX is an OverflowError. */
int wf_float_round(double x, int64_t ndigits, double *out) {
  if (!isfinite(x) || x == 0.0 || ndigits > 323) {
    *out = x;
    return WF_FLOAT_OK;
  }
  if (ndigits < -308) {
    *out = 0.0 * x;
    return WF_FLOAT_OK;
  }
  char dig[WF_FLOAT_DIGITS_MAX + 1];
  int decpt;
  int nd = wf_float_digits(x, 'f', ndigits, dig, &decpt);
  if (nd == 0) {
    *out = signbit(x) ? -0.0 : 0.0;
    return WF_FLOAT_OK;
  }
  /* value = 0.dig * 10^decpt = dig * 10^(decpt - nd) */
  char text[WF_FLOAT_DIGITS_MAX + 32];
  size_t len = 0;
  if (signbit(x)) text[len++] = '-';
  memcpy(text + len, dig, (size_t)nd);
  len += (size_t)nd;
  int e = decpt - nd;
  text[len++] = 'e';
  if (e < 0) {
    text[len++] = '-';
    e = -e;
  }
  char eb[8];
  int en = 0;
  do {
    eb[en++] = (char)('0' + e % 10);
    e /= 10;
  } while (e);
  while (en) text[len++] = eb[--en];
  double v;
  int rc = wf_float_parse(text, len, 0, &v, NULL);
  *out = v;
  return rc == WF_FLOAT_OVERFLOW ? WF_FLOAT_OVERFLOW : WF_FLOAT_OK;
}
