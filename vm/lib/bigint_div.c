/* bigint_div.c — division of magnitudes.
 *
 * Algorithm
 *   1. One-digit divisor: a single pass from the top, 60-bit by 30-bit.
 *   2. Knuth's algorithm D (TAOCP 4.3.1): shift the divisor so that its top
 *      digit has bit 29 set; each quotient digit is estimated from the top
 *      two remainder digits and the top divisor digit, corrected with the
 *      second divisor digit (so the estimate is at most one too large), the
 *      multiple is subtracted, and added back once if it went negative.
 *   3. Burnikel-Ziegler recursive division (divisor and quotient both at
 *      least WF_BIGINT_BZ_THRESHOLD digits): the dividend is cut into
 *      n-digit chunks (n = divisor digits) and each 2n/n step is done by
 *      div2n1n, which splits into two 3h/2h steps (h = n / 2) that each
 *      recurse into one h-digit 2h/h division plus one h x h product.
 *      Odd n is padded by one zero digit on both operands.
 * Invariants: divisors handed to knuth/div2n1n are normalised (top digit
 * >= 2**29); div2n1n requires a < b * B^n, div3n2n requires a < b * B^h.
 */
#include "bigint_internal.h"

#define BZ WF_BIGINT_BZ_THRESHOLD

uint32_t wf_bigint_divrem1(uint32_t *q, size_t *nq, const uint32_t *a, size_t na, uint32_t d) {
  ddigit rem = 0;
  for (size_t i = na; i-- > 0;) {
    rem = (rem << SHIFT) | a[i];
    q[i] = (digit)(rem / d);
    rem %= d;
  }
  if (nq) *nq = norm_len(q, na);
  return (digit)rem;
}

/* u has nu + 1 digits with u[nu] such that u[nu-nv+1..nu] < v; v (nv >= 2
 * digits) is normalised. q gets nu - nv + 1 digits (may be NULL); the
 * remainder is left in u[0..nv). */
static void knuth(digit *q, digit *u, size_t nu, const digit *v, size_t nv) {
  digit vtop = v[nv - 1], vnext = v[nv - 2];
  for (size_t j = nu - nv + 1; j-- > 0;) {
    ddigit num = ((ddigit)u[j + nv] << SHIFT) | u[j + nv - 1];
    ddigit qhat = num / vtop, rhat = num % vtop;
    if (qhat > MASK) {
      qhat = MASK;
      rhat = num - qhat * vtop;
    }
    while (rhat <= MASK && qhat * vnext > ((rhat << SHIFT) | u[j + nv - 2])) {
      qhat--;
      rhat += vtop;
    }
    digit borrow = wf_bi_submul_1(u + j, v, nv, (digit)qhat);
    if (u[j + nv] < borrow) {
      qhat--;
      wf_bi_add_n(u + j, u + j, v, nv);
    }
    u[j + nv] = 0;
    if (q) q[j] = (digit)qhat;
  }
}

static int div2n1n(digit *q, digit *r, const digit *a, const digit *b, size_t n);

/* a12 (n = 2h digits) : a3 (h digits) divided by b (n digits, b1 = top h,
 * b2 = low h); requires a12:a3 < b * B^h. q gets h digits, r gets n. */
static int div3n2n(digit *q, digit *r, const digit *a12, const digit *a3, const digit *b, size_t h) {
  size_t n = 2 * h;
  const digit *b1 = b + h, *b2 = b;
  digit *t = dalloc(2 * n + 2);
  if (!t) return WF_BIGINT_ENOMEM;
  digit *p = t + n + 1;
  /* t = r1 * B^h + a3, where (q, r1) = divmod(a12, b1). */
  dcopy(t, a3, h);
  if (wf_bigint_cmp(a12 + h, h, b1, h) == 0) {
    for (size_t i = 0; i < h; i++) q[i] = MASK;
    /* r1 = a12 - b1 B^h + b1 = a12_low + b1 */
    digit c = wf_bi_add_n(t + h, a12, b1, h);
    t[n] = c;
  } else {
    int st = div2n1n(q, t + h, a12, b1, h);
    if (st) {
      wf_bigint_tmp_free(t);
      return st;
    }
    t[n] = 0;
  }
  /* p = q * b2 */
  int st = wf_bi_mul_raw(p, q, h, b2, h);
  if (st) {
    wf_bigint_tmp_free(t);
    return st;
  }
  size_t nt = norm_len(t, n + 1), np = norm_len(p, n);
  if (wf_bigint_cmp(t, nt, p, np) >= 0) {
    size_t nr = wf_bigint_sub(t, t, nt, p, np);
    dcopy(r, t, nr);
    dzero(r + nr, n - nr);
  } else {
    /* deficit d = p - t; add b back until non-negative (at most twice) */
    size_t nd = wf_bigint_sub(p, p, np, t, nt);
    size_t nb = norm_len(b, n);
    for (;;) {
      wf_bi_sub_1(q, q, h, 1);
      if (wf_bigint_cmp(p, nd, b, nb) <= 0) {
        size_t nr = wf_bigint_sub(r, b, nb, p, nd);
        dzero(r + nr, n - nr);
        break;
      }
      nd = wf_bigint_sub(p, p, nd, b, nb);
    }
  }
  wf_bigint_tmp_free(t);
  return WF_BIGINT_OK;
}

/* a (2n digits) < b * B^n, b (n digits) normalised: q (n digits), r (n). */
static int div2n1n(digit *q, digit *r, const digit *a, const digit *b, size_t n) {
  if (n < BZ) {
    digit *u = dalloc(3 * n + 2);
    if (!u) return WF_BIGINT_ENOMEM;
    digit *qq = u + 2 * n + 1;
    dcopy(u, a, 2 * n);
    u[2 * n] = 0;
    if (n == 1) {
      ddigit num = ((ddigit)u[1] << SHIFT) | u[0];
      q[0] = (digit)(num / b[0]);
      r[0] = (digit)(num % b[0]);
    } else {
      knuth(qq, u, 2 * n, b, n);
      dcopy(q, qq, n);
      dcopy(r, u, n);
    }
    wf_bigint_tmp_free(u);
    return WF_BIGINT_OK;
  }
  if (n & 1) {
    /* pad: (a B) / (b B) has the same quotient, remainder r B */
    size_t m = n + 1;
    digit *buf = dalloc(2 * m + m + m + m);
    if (!buf) return WF_BIGINT_ENOMEM;
    digit *ap = buf, *bp = buf + 2 * m, *qp = bp + m, *rp = qp + m;
    ap[0] = 0;
    dcopy(ap + 1, a, 2 * n);
    ap[2 * n + 1] = 0;
    bp[0] = 0;
    dcopy(bp + 1, b, n);
    int st = div2n1n(qp, rp, ap, bp, m);
    if (!st) {
      dcopy(q, qp, n);
      dcopy(r, rp + 1, n);
    }
    wf_bigint_tmp_free(buf);
    return st;
  }
  size_t h = n / 2;
  digit *r1 = dalloc(n);
  if (!r1) return WF_BIGINT_ENOMEM;
  int st = div3n2n(q + h, r1, a + n, a + h, b, h);
  if (!st) st = div3n2n(q, r, r1, a, b, h);
  wf_bigint_tmp_free(r1);
  return st;
}

/* u (nu digits) / v (n digits, normalised), n >= BZ: q gets nu - n + 1
 * digits (may be NULL), r gets n digits. */
static int bz_divrem(digit *q, digit *r, const digit *u, size_t nu, const digit *v, size_t n) {
  size_t k = (nu + n - 1) / n; /* chunks */
  digit *buf = dalloc(2 * n + n + k * n);
  if (!buf) return WF_BIGINT_ENOMEM;
  digit *A = buf, *qc = buf + 2 * n + n; /* A = rem : chunk */
  digit *rem = A + n;                    /* the high half of A */
  dzero(rem, n);
  int st = WF_BIGINT_OK;
  digit *rnext = buf + 2 * n;
  for (size_t c = k; c-- > 0;) {
    size_t off = c * n, len = nu - off < n ? nu - off : n;
    dcopy(A, u + off, len);
    dzero(A + len, n - len);
    st = div2n1n(qc + off, rnext, A, v, n);
    if (st) break;
    dcopy(rem, rnext, n);
  }
  if (!st) {
    if (q) dcopy(q, qc, nu - n + 1);
    dcopy(r, rem, n);
  }
  wf_bigint_tmp_free(buf);
  return st;
}

int wf_bi_divrem(digit *q, digit *r, const digit *a, size_t na, const digit *b, size_t nb) {
  /* na >= nb >= 2: q gets na - nb + 1 digits, r gets nb (both unnormalised). */
  int s = SHIFT - wf_bi_bits_in_digit(b[nb - 1]);
  digit *buf = dalloc(na + 1 + nb);
  if (!buf) return WF_BIGINT_ENOMEM;
  digit *u = buf, *v = buf + na + 1;
  wf_bi_lshift_small(v, b, nb, s);
  u[na] = wf_bi_lshift_small(u, a, na, s);
  int st = WF_BIGINT_OK;
  if (nb >= BZ && na - nb >= BZ) {
    size_t nu = norm_len(u, na + 1);
    digit *rr = dalloc(nb);
    if (!rr) {
      wf_bigint_tmp_free(buf);
      return WF_BIGINT_ENOMEM;
    }
    if (nu < nb) { /* cannot happen: na >= nb */
      dzero(rr, nb);
    } else {
      digit *qq = q ? dalloc(nu - nb + 1) : NULL;
      if (q && !qq) {
        st = WF_BIGINT_ENOMEM;
      } else {
        st = bz_divrem(qq, rr, u, nu, v, nb);
        if (!st && q) {
          size_t want = na - nb + 1, have = nu - nb + 1; /* qq[want..have) are 0 */
          size_t keep = have < want ? have : want;
          dcopy(q, qq, keep);
          dzero(q + keep, want - keep);
        }
      }
      wf_bigint_tmp_free(qq);
    }
    if (!st) dcopy(u, rr, nb);
    wf_bigint_tmp_free(rr);
  } else {
    knuth(q, u, na, v, nb);
  }
  if (!st && r) wf_bi_rshift_small(r, u, nb, s);
  wf_bigint_tmp_free(buf);
  return st;
}

int wf_bigint_divrem(uint32_t *q, size_t *nq, uint32_t *r, size_t *nr, const uint32_t *a, size_t na, const uint32_t *b,
                     size_t nb) {
  if (nb == 0) return WF_BIGINT_EZERODIV;
  if (na < nb || (na == nb && wf_bigint_cmp(a, na, b, nb) < 0)) {
    if (q) {
      q[0] = 0;
      *nq = 0;
    }
    if (r) {
      dcopy(r, a, na);
      *nr = na;
    }
    return WF_BIGINT_OK;
  }
  if (nb == 1) {
    size_t n;
    digit *qq = q;
    if (!q && !(qq = dalloc(na))) return WF_BIGINT_ENOMEM;
    digit rem = wf_bigint_divrem1(qq, &n, a, na, b[0]);
    if (q)
      *nq = n;
    else
      wf_bigint_tmp_free(qq);
    if (r) {
      r[0] = rem;
      *nr = rem != 0;
    }
    return WF_BIGINT_OK;
  }
  int st = wf_bi_divrem(q, r, a, na, b, nb);
  if (st) return st;
  if (q) *nq = norm_len(q, na - nb + 1);
  if (r) *nr = norm_len(r, nb);
  return WF_BIGINT_OK;
}
