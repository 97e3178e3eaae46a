/* bigint_mul.c — multiplication and squaring of magnitudes.
 *
 * Algorithm
 *   1. Below WF_BIGINT_KARATSUBA_THRESHOLD digits (of the shorter operand):
 *      schoolbook, one addmul_1 row per digit of b. Squaring computes the
 *      off-diagonal products once, doubles them, and adds the squares.
 *   2. Unbalanced operands (na >= 2 nb): a is cut into nb-digit slices, each
 *      slice times b is added in at its offset.
 *   3. Otherwise Karatsuba with h = na / 2:
 *        a = a1 B^h + a0, b = b1 B^h + b0,
 *        a b = z2 B^2h + ((a0 + a1)(b0 + b1) - z0 - z2) B^h + z0.
 *      z0 and z2 go straight to r; the middle product is formed in scratch
 *      and added at offset h.
 * Invariants: digits < 2**30 everywhere; r is fully written (na + nb
 * digits, unnormalised) by the raw routines; scratch comes from one
 * allocation sized by ws_size() for the whole recursion.
 */
#include "bigint_internal.h"

#define KT WF_BIGINT_KARATSUBA_THRESHOLD
#define KT_SQR (WF_BIGINT_KARATSUBA_THRESHOLD + 20)

static void mul_basecase(digit *r, const digit *a, size_t na, const digit *b, size_t nb) {
  r[na] = wf_bi_mul_1(r, a, na, b[0]);
  for (size_t j = 1; j < nb; j++) r[na + j] = wf_bi_addmul_1(r + j, a, na, b[j]);
}

static void sqr_basecase(digit *r, const digit *a, size_t n) {
  dzero(r, 2 * n);
  for (size_t i = 0; i + 1 < n; i++) r[i + n] = wf_bi_addmul_1(r + 2 * i + 1, a + i + 1, n - i - 1, a[i]);
  wf_bi_lshift_small(r, r, 2 * n, 1);
  ddigit c = 0;
  for (size_t i = 0; i < n; i++) {
    c += (ddigit)a[i] * a[i] + r[2 * i];
    r[2 * i] = (digit)c & MASK;
    c >>= SHIFT;
    c += r[2 * i + 1];
    r[2 * i + 1] = (digit)c & MASK;
    c >>= SHIFT;
  }
}

/* Scratch digits for a product whose longer operand has n digits. */
static size_t ws_size(size_t n) {
  size_t s = 2 * n + 16;
  while (n >= KT) {
    size_t m = (n + 1) / 2 + 2;
    s += 6 * m;
    n = m;
  }
  return s;
}

static void mul_rec(digit *r, const digit *a, size_t na, const digit *b, size_t nb, digit *ws);

/* r[0..na+nb) = a * b for any na, nb >= 1 (swaps so the first is longer). */
static void mul_any(digit *r, const digit *a, size_t na, const digit *b, size_t nb, digit *ws) {
  if (na >= nb)
    mul_rec(r, a, na, b, nb, ws);
  else
    mul_rec(r, b, nb, a, na, ws);
}

static void sqr_rec(digit *r, const digit *a, size_t n, digit *ws);

static void mul_rec(digit *r, const digit *a, size_t na, const digit *b, size_t nb, digit *ws) {
  if (nb < KT) {
    mul_basecase(r, a, na, b, nb);
    return;
  }
  if (na >= 2 * nb) {
    mul_rec(r, a, nb, b, nb, ws);
    for (size_t off = nb; off < na; off += nb) {
      size_t len = na - off < nb ? na - off : nb;
      digit *t = ws;
      mul_any(t, a + off, len, b, nb, ws + len + nb);
      dzero(r + off + nb, len);
      wf_bi_add_into(r + off, len + nb, t, len + nb);
    }
    return;
  }
  size_t h = na / 2;
  const digit *a0 = a, *a1 = a + h, *b0 = b, *b1 = b + h;
  size_t la = na - h, lb1 = nb - h;
  mul_any(r, a0, h, b0, h, ws);
  mul_any(r + 2 * h, a1, la, b1, lb1, ws);
  /* sa = a0 + a1 (la + 1 digits), sb = b0 + b1 (lb + 1 digits). */
  digit *sa = ws;
  digit c = wf_bi_add_n(sa, a1, a0, h);
  c = wf_bi_add_1(sa + h, a1 + h, la - h, c);
  sa[la] = c;
  size_t lb = h > lb1 ? h : lb1;
  digit *sb = sa + la + 1;
  if (lb1 >= h) {
    c = wf_bi_add_n(sb, b1, b0, h);
    c = wf_bi_add_1(sb + h, b1 + h, lb1 - h, c);
  } else {
    c = wf_bi_add_n(sb, b0, b1, lb1);
    c = wf_bi_add_1(sb + lb1, b0 + lb1, h - lb1, c);
  }
  sb[lb] = c;
  size_t nsa = norm_len(sa, la + 1), nsb = norm_len(sb, lb + 1);
  if (nsa == 0 || nsb == 0) return; /* a0 + a1 == 0 cannot happen for normalised a, kept for safety */
  digit *p = sb + lb + 1;
  size_t np = nsa + nsb;
  if (a == b && na == nb)
    sqr_rec(p, sa, nsa, p + np);
  else
    mul_any(p, sa, nsa, sb, nsb, p + np);
  /* p -= z0 + z2 */
  size_t nz0 = norm_len(r, 2 * h);
  wf_bi_sub_from(p, np, r, nz0);
  size_t nz2 = norm_len(r + 2 * h, na + nb - 2 * h);
  wf_bi_sub_from(p, np, r + 2 * h, nz2);
  np = norm_len(p, np);
  wf_bi_add_into(r + h, na + nb - h, p, np);
}

static void sqr_rec(digit *r, const digit *a, size_t n, digit *ws) {
  if (n < KT_SQR) {
    sqr_basecase(r, a, n);
    return;
  }
  size_t h = n / 2, l1 = n - h;
  sqr_rec(r, a, h, ws);
  sqr_rec(r + 2 * h, a + h, l1, ws);
  digit *s = ws;
  digit c = wf_bi_add_n(s, a + h, a, h);
  c = wf_bi_add_1(s + h, a + 2 * h, l1 - h, c);
  s[l1] = c;
  size_t ns = norm_len(s, l1 + 1);
  digit *p = s + l1 + 1;
  size_t np = 2 * ns;
  sqr_rec(p, s, ns, p + np);
  wf_bi_sub_from(p, np, r, norm_len(r, 2 * h));
  wf_bi_sub_from(p, np, r + 2 * h, norm_len(r + 2 * h, 2 * l1));
  np = norm_len(p, np);
  wf_bi_add_into(r + h, 2 * n - h, p, np);
}

int wf_bi_mul_raw(digit *r, const digit *a, size_t na, const digit *b, size_t nb) {
  if (nb < KT) {
    mul_basecase(r, a, na, b, nb);
    return WF_BIGINT_OK;
  }
  digit *ws = dalloc(ws_size(na));
  if (!ws) return WF_BIGINT_ENOMEM;
  if (a == b && na == nb)
    sqr_rec(r, a, na, ws);
  else
    mul_rec(r, a, na, b, nb, ws);
  wf_bigint_tmp_free(ws);
  return WF_BIGINT_OK;
}

int wf_bigint_mul(uint32_t *r, size_t *nr, const uint32_t *a, size_t na, const uint32_t *b, size_t nb) {
  if (na == 0 || nb == 0) {
    *nr = 0;
    return WF_BIGINT_OK;
  }
  if (a == b && na == nb) return wf_bigint_sqr(r, nr, a, na);
  int st = na >= nb ? wf_bi_mul_raw(r, a, na, b, nb) : wf_bi_mul_raw(r, b, nb, a, na);
  if (st) return st;
  *nr = norm_len(r, na + nb);
  return WF_BIGINT_OK;
}

int wf_bigint_sqr(uint32_t *r, size_t *nr, const uint32_t *a, size_t na) {
  if (na == 0) {
    *nr = 0;
    return WF_BIGINT_OK;
  }
  if (na < KT_SQR) {
    sqr_basecase(r, a, na);
  } else {
    digit *ws = dalloc(ws_size(na));
    if (!ws) return WF_BIGINT_ENOMEM;
    sqr_rec(r, a, na, ws);
    wf_bigint_tmp_free(ws);
  }
  *nr = norm_len(r, 2 * na);
  return WF_BIGINT_OK;
}
