/* bigint_pow.c — a ** e and pow(a, e, m).
 *
 * Algorithm
 *   Left-to-right exponentiation over the bits of e. Exponents up to 64
 *   bits use plain square-and-multiply; longer ones a sliding window of k
 *   bits (k = 4..6 by exponent length) over a table of the odd powers
 *   a, a^3, ..., a^(2^k - 1): each window costs its squarings plus one
 *   table multiply. With a modulus every product is reduced by
 *   wf_bigint_divrem (remainder only).
 *   pow(a, e, m) follows CPython 3.11: m == 0 is an error; |m| == 1 gives
 *   0; e < 0 replaces a by its inverse modulo |m| (extended Euclid; gcd != 1
 *   is "not invertible"); a is reduced into [0, |m|); a negative m maps a
 *   non-zero result r to r - |m|.
 * Scratch values are wf_bi_tmp (heap digit vectors that grow on demand).
 */
#include "bigint_internal.h"

typedef struct {
  const digit *m; /* modulus or NULL */
  size_t nm;
  wf_bi_tmp prod;
} powctx;

static void tmp_swap(wf_bi_tmp *x, wf_bi_tmp *y) {
  wf_bi_tmp t = *x;
  *x = *y;
  *y = t;
}

/* out = x * y (mod m); out must differ from x and y. */
static int mulmod(powctx *c, wf_bi_tmp *out, const wf_bi_tmp *x, const wf_bi_tmp *y) {
  if (x->n == 0 || y->n == 0) {
    out->n = 0;
    return WF_BIGINT_OK;
  }
  if (!wf_bi_tmp_reserve(&c->prod, x->n + y->n + 1)) return WF_BIGINT_ENOMEM;
  size_t n;
  int st = x == y ? wf_bigint_sqr(c->prod.d, &n, x->d, x->n) : wf_bigint_mul(c->prod.d, &n, x->d, x->n, y->d, y->n);
  if (st) return st;
  c->prod.n = n;
  if (c->m && n >= c->nm) {
    if (!wf_bi_tmp_reserve(out, c->nm + 1)) return WF_BIGINT_ENOMEM;
    st = wf_bigint_divrem(NULL, NULL, out->d, &out->n, c->prod.d, n, c->m, c->nm);
    return st;
  }
  tmp_swap(out, &c->prod);
  return WF_BIGINT_OK;
}

static int bit_at(const digit *e, uint64_t i) { return (e[i / SHIFT] >> (i % SHIFT)) & 1; }

/* res = base ** e (mod m); base already reduced, e > 0 (normalised). */
static int pow_engine(wf_bi_tmp *res, const wf_bi_tmp *base, const digit *e, size_t ne, const digit *m, size_t nm) {
  powctx c = {m, nm, {0}};
  wf_bi_tmp t = {0}, table[32];
  uint64_t bits = wf_bigint_bit_length(e, ne);
  int k = bits <= 64 ? 1 : bits <= 640 ? 4 : bits <= 4000 ? 5 : 6;
  size_t ntab = (size_t)1 << (k - 1);
  int st = WF_BIGINT_OK;
  memset(table, 0, sizeof table);
  if (!wf_bi_tmp_set(&table[0], base->d, base->n, false)) {
    st = WF_BIGINT_ENOMEM;
    goto done;
  }
  if (k > 1) {
    wf_bi_tmp sq = {0};
    st = mulmod(&c, &sq, &table[0], &table[0]);
    for (size_t i = 1; !st && i < ntab; i++) st = mulmod(&c, &table[i], &table[i - 1], &sq);
    wf_bi_tmp_free(&sq);
    if (st) goto done;
  }
  bool one = true; /* res == 1, not yet materialised */
  for (int64_t i = (int64_t)bits - 1; i >= 0;) {
    if (!bit_at(e, (uint64_t)i)) {
      if (!one) {
        if ((st = mulmod(&c, &t, res, res))) goto done;
        tmp_swap(res, &t);
      }
      i--;
      continue;
    }
    /* window [j, i] ending in a set bit */
    int64_t j = i - k + 1 < 0 ? 0 : i - k + 1;
    while (!bit_at(e, (uint64_t)j)) j++;
    unsigned w = 0;
    for (int64_t b = i; b >= j; b--) w = (w << 1) | (unsigned)bit_at(e, (uint64_t)b);
    if (one) {
      if (!wf_bi_tmp_set(res, table[w >> 1].d, table[w >> 1].n, false)) {
        st = WF_BIGINT_ENOMEM;
        goto done;
      }
      one = false;
    } else {
      for (int64_t b = i; b >= j; b--) {
        if ((st = mulmod(&c, &t, res, res))) goto done;
        tmp_swap(res, &t);
      }
      if ((st = mulmod(&c, &t, res, &table[w >> 1]))) goto done;
      tmp_swap(res, &t);
    }
    i = j - 1;
  }
done:
  for (size_t i = 0; i < ntab; i++) wf_bi_tmp_free(&table[i]);
  wf_bi_tmp_free(&t);
  wf_bi_tmp_free(&c.prod);
  return st;
}

size_t wf_bigint_spow_size(const uint32_t *a, ptrdiff_t sa, const uint32_t *e, ptrdiff_t se) {
  size_t na = absz(sa), ne = absz(se);
  if (se <= 0 || na == 0 || (na == 1 && a[0] == 1)) return 1;
  if (ne > 2) return SIZE_MAX;
  uint64_t ev = ne == 2 ? ((uint64_t)e[1] << SHIFT) | e[0] : e[0];
  /* |a|**e < 2**(bits(a) * e) */
  uint64_t ab = wf_bigint_bit_length(a, na);
  if (ev > (uint64_t)1 << 50 || ab > ((uint64_t)1 << 62) / ev) return SIZE_MAX;
  uint64_t digits = (ab * ev) / SHIFT + 2;
  if (digits > (uint64_t)WF_BIGINT_MAX_DIGITS) return SIZE_MAX;
  return (size_t)digits;
}

int wf_bigint_spow(uint32_t *r, ptrdiff_t *sr, const uint32_t *a, ptrdiff_t sa, const uint32_t *e, ptrdiff_t se) {
  size_t na = absz(sa), ne = absz(se);
  if (se < 0) return WF_BIGINT_ENEG_POW;
  bool odd = ne > 0 && (e[0] & 1);
  if (se == 0 || (na == 1 && a[0] == 1)) {
    r[0] = 1;
    *sr = (sa < 0 && odd) ? -1 : 1;
    return WF_BIGINT_OK;
  }
  if (na == 0) {
    *sr = 0;
    return WF_BIGINT_OK;
  }
  size_t need = wf_bigint_spow_size(a, sa, e, se);
  if (need == SIZE_MAX) return WF_BIGINT_ENOMEM;
  wf_bi_tmp base = {0}, res = {0};
  int st = WF_BIGINT_ENOMEM;
  if (wf_bi_tmp_set(&base, a, na, false)) st = pow_engine(&res, &base, e, ne, NULL, 0);
  if (!st) {
    dcopy(r, res.d, res.n);
    *sr = signed_len(res.n, sa < 0 && odd);
  }
  wf_bi_tmp_free(&base);
  wf_bi_tmp_free(&res);
  return st;
}

/* out = x mod m in [0, m) for signed x. */
static int mod_nonneg(wf_bi_tmp *out, const digit *x, size_t nx, bool negx, const digit *m, size_t nm) {
  if (!wf_bi_tmp_reserve(out, nm + 1)) return WF_BIGINT_ENOMEM;
  size_t n;
  int st = wf_bigint_divrem(NULL, NULL, out->d, &n, x, nx, m, nm);
  if (st) return st;
  if (negx && n) n = wf_bigint_sub(out->d, m, nm, out->d, n);
  out->n = n;
  out->neg = false;
  return WF_BIGINT_OK;
}

/* Signed t = x - q * y into out (tmp), all tmps distinct. */
static int sub_mul(wf_bi_tmp *out, const wf_bi_tmp *x, const wf_bi_tmp *q, const wf_bi_tmp *y, wf_bi_tmp *scratch) {
  if (!wf_bi_tmp_reserve(scratch, q->n + y->n + 1)) return WF_BIGINT_ENOMEM;
  ptrdiff_t sp, so;
  int st = wf_bigint_smul(scratch->d, &sp, q->d, signed_len(q->n, q->neg), y->d, signed_len(y->n, y->neg));
  if (st) return st;
  size_t np = absz(sp);
  if (!wf_bi_tmp_reserve(out, (np > x->n ? np : x->n) + 1)) return WF_BIGINT_ENOMEM;
  wf_bigint_ssub(out->d, &so, x->d, signed_len(x->n, x->neg), scratch->d, sp);
  out->n = absz(so);
  out->neg = so < 0;
  return WF_BIGINT_OK;
}

/* out = a^-1 mod m for 0 <= a < m, m > 1. */
static int modinv(wf_bi_tmp *out, const wf_bi_tmp *a, const digit *m, size_t nm) {
  wf_bi_tmp r0 = {0}, r1 = {0}, s0 = {0}, s1 = {0}, q = {0}, t = {0}, sc = {0};
  int st = WF_BIGINT_ENOMEM;
  digit one = 1;
  if (!wf_bi_tmp_set(&r0, a->d, a->n, false) || !wf_bi_tmp_set(&r1, m, nm, false) ||
      !wf_bi_tmp_set(&s0, &one, 1, false) || !wf_bi_tmp_set(&s1, NULL, 0, false) || !wf_bi_tmp_reserve(&t, nm + 2))
    goto done;
  /* invariant: r0 = s0 * a (mod m), r1 = s1 * a (mod m); start (a, m) */
  while (r1.n) {
    /* q = r0 // r1, t = r0 % r1 */
    size_t nq = r0.n >= r1.n ? r0.n - r1.n + 1 : 1;
    if (!wf_bi_tmp_reserve(&q, nq + 1) || !wf_bi_tmp_reserve(&t, r1.n + 1)) {
      st = WF_BIGINT_ENOMEM;
      goto done;
    }
    st = wf_bigint_divrem(q.d, &q.n, t.d, &t.n, r0.d, r0.n, r1.d, r1.n);
    if (st) goto done;
    q.neg = false;
    tmp_swap(&r0, &r1);
    tmp_swap(&r1, &t); /* r0 <- r1, r1 <- remainder */
    /* (s0, s1) <- (s1, s0 - q s1) */
    st = sub_mul(&t, &s0, &q, &s1, &sc);
    if (st) goto done;
    tmp_swap(&s0, &s1);
    tmp_swap(&s1, &t);
  }
  if (!(r0.n == 1 && r0.d[0] == 1)) {
    st = WF_BIGINT_ENOT_INVERTIBLE;
    goto done;
  }
  st = mod_nonneg(out, s0.d, s0.n, s0.neg, m, nm);
done:
  wf_bi_tmp_free(&r0);
  wf_bi_tmp_free(&r1);
  wf_bi_tmp_free(&s0);
  wf_bi_tmp_free(&s1);
  wf_bi_tmp_free(&q);
  wf_bi_tmp_free(&t);
  wf_bi_tmp_free(&sc);
  return st;
}

int wf_bigint_spowmod(uint32_t *r, ptrdiff_t *sr, const uint32_t *a, ptrdiff_t sa, const uint32_t *e, ptrdiff_t se,
                      const uint32_t *m, ptrdiff_t sm) {
  size_t na = absz(sa), ne = absz(se), nm = absz(sm);
  if (nm == 0) return WF_BIGINT_EPOW_MOD_ZERO;
  if (nm == 1 && m[0] == 1) {
    *sr = 0;
    return WF_BIGINT_OK;
  }
  wf_bi_tmp base = {0}, res = {0}, inv = {0};
  int st = mod_nonneg(&base, a, na, sa < 0, m, nm);
  if (!st && se < 0) {
    st = modinv(&inv, &base, m, nm);
    if (!st) tmp_swap(&base, &inv);
  }
  if (!st) {
    if (ne == 0) {
      if (wf_bi_tmp_reserve(&res, 1)) {
        res.d[0] = 1;
        res.n = 1;
      } else {
        st = WF_BIGINT_ENOMEM;
      }
    } else if (base.n == 0) {
      res.n = 0;
    } else {
      st = pow_engine(&res, &base, e, ne, m, nm);
    }
  }
  if (!st) {
    size_t n = res.n;
    /* result may equal the unreduced base or table entry when no multiply happened */
    if (wf_bigint_cmp(res.d, n, m, nm) >= 0) {
      wf_bi_tmp tmp = {0};
      st = mod_nonneg(&tmp, res.d, n, false, m, nm);
      if (!st) tmp_swap(&res, &tmp);
      wf_bi_tmp_free(&tmp);
      n = res.n;
    }
    if (!st) {
      if (sm < 0 && n) {
        n = wf_bigint_sub(r, m, nm, res.d, n);
        *sr = -(ptrdiff_t)n;
      } else {
        dcopy(r, res.d, n);
        *sr = (ptrdiff_t)n;
      }
    }
  }
  wf_bi_tmp_free(&base);
  wf_bi_tmp_free(&res);
  wf_bi_tmp_free(&inv);
  return st;
}
