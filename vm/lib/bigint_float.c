/* bigint_float.c — doubles and bytes.
 *
 * to_double: ints of at most 64 bits convert in hardware (correctly
 * rounded). Longer ones keep their top 55 bits with every lower bit OR-ed
 * into bit 0 (a sticky bit); converting that 55-bit value rounds to 53 bits
 * exactly as the full value would (round half to even), and scaling by a
 * power of two is exact unless it overflows.
 * truediv: q = floor(|a| / (|b| 2^s)) with s = bits(a) - bits(b) - 55, so q
 * has 55 or 56 bits and the remainder gives a sticky bit. The result's
 * unit in the last place is 2^max(E - 52, -1074) (E = exponent of the
 * quotient), so subnormal results are rounded once, at the right place.
 * Bytes: two's complement, built little-endian, reversed for big-endian.
 */
#include "bigint_internal.h"

#include <math.h>

/* Bits [pos, pos + n) of a magnitude, n <= 64. */
static uint64_t get_bits(const digit *a, size_t na, uint64_t pos, int n) {
  uint64_t v = 0;
  int got = 0;
  size_t di = (size_t)(pos / SHIFT);
  int off = (int)(pos % SHIFT);
  while (got < n && di < na) {
    v |= (uint64_t)(a[di] >> off) << got;
    got += SHIFT - off;
    off = 0;
    di++;
  }
  return n >= 64 ? v : v & (((uint64_t)1 << n) - 1);
}

/* Any bit below pos set? */
static bool low_bits_nonzero(const digit *a, size_t na, uint64_t pos) {
  size_t di = (size_t)(pos / SHIFT);
  int off = (int)(pos % SHIFT);
  for (size_t i = 0; i < di && i < na; i++)
    if (a[i]) return true;
  return di < na && off && (a[di] & (((digit)1 << off) - 1));
}

int wf_bigint_to_double(double *out, const uint32_t *a, ptrdiff_t sa) {
  size_t na = absz(sa);
  uint64_t bits = wf_bigint_bit_length(a, na);
  double d;
  if (bits <= 64) {
    d = (double)get_bits(a, na, 0, 64);
  } else {
    if (bits > 1024) return WF_BIGINT_EFLOAT_OVERFLOW;
    uint64_t shift = bits - 55;
    uint64_t top = get_bits(a, na, shift, 55);
    if (low_bits_nonzero(a, na, shift)) top |= 1;
    d = ldexp((double)top, (int)shift);
    if (isinf(d)) return WF_BIGINT_EFLOAT_OVERFLOW;
  }
  *out = sa < 0 ? -d : d;
  return WF_BIGINT_OK;
}

size_t wf_bigint_from_double_size(double x) {
  if (!isfinite(x)) return 1;
  int e;
  frexp(x, &e);
  return e <= 0 ? 1 : (size_t)e / SHIFT + 3;
}

int wf_bigint_from_double(uint32_t *r, ptrdiff_t *sr, double x) {
  if (isnan(x)) return WF_BIGINT_EFLOAT_NAN;
  if (isinf(x)) return WF_BIGINT_EFLOAT_INF;
  double t = trunc(fabs(x));
  int e;
  double m = frexp(t, &e); /* t = m 2^e, 0.5 <= m < 1 */
  if (t < 1.0) {
    *sr = 0;
    return WF_BIGINT_OK;
  }
  ptrdiff_t n;
  if (e <= 64) {
    wf_bigint_from_uint64(r, &n, (uint64_t)t);
  } else {
    wf_bigint_from_uint64(r, &n, (uint64_t)ldexp(m, 53));
    n = (ptrdiff_t)wf_bigint_lshift(r, r, (size_t)n, (uint64_t)(e - 53));
  }
  *sr = x < 0 ? -n : n;
  return WF_BIGINT_OK;
}

int wf_bigint_truediv(double *out, const uint32_t *a, ptrdiff_t sa, const uint32_t *b, ptrdiff_t sb) {
  size_t na = absz(sa), nb = absz(sb);
  if (nb == 0) return WF_BIGINT_EZERODIV_TRUE;
  bool neg = (sa < 0) != (sb < 0);
  if (na == 0) {
    *out = neg ? -0.0 : 0.0;
    return WF_BIGINT_OK;
  }
  int64_t la = (int64_t)wf_bigint_bit_length(a, na), lb = (int64_t)wf_bigint_bit_length(b, nb);
  int64_t diff = la - lb;
  if (diff > 1025) return WF_BIGINT_ETRUEDIV_OVERFLOW;
  if (diff < -1080) {
    *out = neg ? -0.0 : 0.0;
    return WF_BIGINT_OK;
  }
  if (la <= 53 && lb <= 53) {
    double x = (double)get_bits(a, na, 0, (int)la), y = (double)get_bits(b, nb, 0, (int)lb);
    *out = neg ? -(x / y) : x / y;
    return WF_BIGINT_OK;
  }
  int64_t s = diff - 55;
  /* q, rem = divmod(a, b 2^s) or divmod(a 2^-s, b) */
  size_t nx, ny;
  const digit *x, *y;
  digit *buf;
  if (s >= 0) {
    ny = nb + (size_t)s / SHIFT + 1;
    buf = dalloc(ny);
    if (!buf) return WF_BIGINT_ENOMEM;
    ny = wf_bigint_lshift(buf, b, nb, (uint64_t)s);
    x = a;
    nx = na;
    y = buf;
  } else {
    nx = na + (size_t)(-s) / SHIFT + 1;
    buf = dalloc(nx);
    if (!buf) return WF_BIGINT_ENOMEM;
    nx = wf_bigint_lshift(buf, a, na, (uint64_t)(-s));
    x = buf;
    y = b;
    ny = nb;
  }
  size_t nq = nx >= ny ? nx - ny + 1 : 1, nrem;
  digit *q = dalloc(nq + ny);
  if (!q) {
    wf_bigint_tmp_free(buf);
    return WF_BIGINT_ENOMEM;
  }
  digit *rem = q + nq;
  int st = wf_bigint_divrem(q, &nq, rem, &nrem, x, nx, y, ny);
  if (st) {
    wf_bigint_tmp_free(q);
    wf_bigint_tmp_free(buf);
    return st;
  }
  uint64_t qv = get_bits(q, nq, 0, 57);
  bool sticky = nrem != 0;
  wf_bigint_tmp_free(q);
  wf_bigint_tmp_free(buf);
  int qbits = 64 - __builtin_clzll(qv);
  int64_t E = s + qbits - 1;
  if (E > 1023) return WF_BIGINT_ETRUEDIV_OVERFLOW;
  int64_t ulp = E - 52 < -1074 ? -1074 : E - 52;
  int k = (int)(ulp - s);
  uint64_t qr;
  if (k >= 64) {
    qr = 0;
  } else {
    qr = qv >> k;
    uint64_t low = qv & (((uint64_t)1 << k) - 1), half = (uint64_t)1 << (k - 1);
    if (low > half || (low == half && (sticky || (qr & 1)))) qr++;
  }
  double d = ldexp((double)qr, (int)ulp);
  if (isinf(d)) return WF_BIGINT_ETRUEDIV_OVERFLOW;
  *out = neg ? -d : d;
  return WF_BIGINT_OK;
}

/* ---- bytes ------------------------------------------------------------- */
int wf_bigint_to_bytes(uint8_t *out, size_t len, const uint32_t *a, ptrdiff_t sa, int little_endian, int is_signed) {
  size_t na = absz(sa);
  uint64_t bits = wf_bigint_bit_length(a, na);
  if (sa < 0 && !is_signed) return WF_BIGINT_ENEG_UNSIGNED;
  uint64_t avail = (uint64_t)len * 8;
  if (!is_signed) {
    if (bits > avail) return WF_BIGINT_EBYTES_OVERFLOW;
  } else if (sa >= 0) {
    if (na && bits + 1 > avail) return WF_BIGINT_EBYTES_OVERFLOW;
  } else {
    /* -x fits iff x <= 2^(avail - 1): bits(x - 1) <= avail - 1 */
    bool pow2 = wf_bigint_bit_count(a, na) == 1;
    uint64_t need = pow2 ? bits : bits + 1;
    /* CPython quirk: (-1).to_bytes(0, signed=True) == b'' */
    if (need > avail && !(len == 0 && na == 1 && a[0] == 1)) return WF_BIGINT_EBYTES_OVERFLOW;
  }
  bool neg = sa < 0;
  digit carry = 1;
  ddigit acc = 0;
  int accbits = 0;
  size_t di = 0;
  for (size_t i = 0; i < len; i++) {
    while (accbits < 8) {
      digit d = di < na ? a[di] : 0;
      di++;
      if (neg) {
        d = (d ^ MASK) + carry;
        carry = d >> SHIFT;
        d &= MASK;
      }
      acc |= (ddigit)d << accbits;
      accbits += SHIFT;
    }
    out[i] = (uint8_t)acc;
    acc >>= 8;
    accbits -= 8;
  }
  if (!little_endian)
    for (size_t i = 0, j = len; i + 1 < j; i++, j--) {
      uint8_t t = out[i];
      out[i] = out[j - 1];
      out[j - 1] = t;
    }
  return WF_BIGINT_OK;
}

size_t wf_bigint_from_bytes_size(size_t len) { return len / 30 * 8 + (len % 30 * 8 + 29) / 30 + 1; }

void wf_bigint_from_bytes(uint32_t *r, ptrdiff_t *sr, const uint8_t *in, size_t len, int little_endian, int is_signed) {
  size_t n = 0;
  ddigit acc = 0;
  int accbits = 0;
  for (size_t i = 0; i < len; i++) {
    uint8_t byte = little_endian ? in[i] : in[len - 1 - i];
    acc |= (ddigit)byte << accbits;
    accbits += 8;
    if (accbits >= SHIFT) {
      r[n++] = (digit)acc & MASK;
      acc >>= SHIFT;
      accbits -= SHIFT;
    }
  }
  if (accbits) r[n++] = (digit)acc;
  uint8_t top = len ? (little_endian ? in[len - 1] : in[0]) : 0;
  bool neg = is_signed && (top & 0x80);
  if (neg) {
    /* magnitude = 2^(8 len) - v = (~v within 8 len bits) + 1 */
    uint64_t total = (uint64_t)len * 8;
    for (size_t i = 0; i < n; i++) {
      uint64_t lo = (uint64_t)i * SHIFT;
      digit m = total - lo >= SHIFT ? MASK : (((digit)1 << (total - lo)) - 1);
      r[i] = (r[i] ^ MASK) & m;
    }
    wf_bi_add_1(r, r, n, 1); /* cannot carry out: v != 0 */
  }
  n = norm_len(r, n);
  *sr = signed_len(n, neg);
}
