/* bigint_signed.c — Python-semantics operations on signed values.
 *
 * A signed value is (digits, ptrdiff_t size) with CPython's ob_size
 * convention (|size| digits, sign of size = sign of value).
 *   - sadd/ssub: magnitude add when the signs agree, otherwise subtract the
 *     smaller magnitude from the larger.
 *   - sdivmod: floor division; when the signs differ and the remainder is
 *     non-zero, q = -(|a| // |b| + 1) and m = sign(b) (|b| - |a| % |b|).
 *   - bitwise ops: each operand is turned digit by digit into infinite
 *     two's complement (~x + 1 with a running carry), combined, and the
 *     result turned back, in one pass; digit n = max(na, nb) holds the final
 *     carry of the conversion back.
 *   - shifts: right shifts of negatives floor: -((|a| - 1) >> k) - 1.
 *   - gcd: Lehmer's algorithm (single-digit cofactors from the leading 30
 *     bits), falling back to a full remainder step when the sizes differ by
 *     more than a digit or no leading quotient is certain; one-digit tail in
 *     machine words.
 */
#include "bigint_internal.h"

static void add_signed(uint32_t *r, ptrdiff_t *sr, const uint32_t *a, ptrdiff_t sa, const uint32_t *b, ptrdiff_t sb,
                       bool negate_b) {
  size_t na = absz(sa), nb = absz(sb);
  bool nega = sa < 0, negb = (sb < 0) != negate_b;
  if (nega == negb) {
    size_t n = wf_bigint_add(r, a, na, b, nb);
    *sr = signed_len(n, nega);
    return;
  }
  int c = wf_bigint_cmp(a, na, b, nb);
  if (c == 0) {
    *sr = 0;
  } else if (c > 0) {
    *sr = signed_len(wf_bigint_sub(r, a, na, b, nb), nega);
  } else {
    *sr = signed_len(wf_bigint_sub(r, b, nb, a, na), negb);
  }
}

void wf_bigint_sadd(uint32_t *r, ptrdiff_t *sr, const uint32_t *a, ptrdiff_t sa, const uint32_t *b, ptrdiff_t sb) {
  add_signed(r, sr, a, sa, b, sb, false);
}

void wf_bigint_ssub(uint32_t *r, ptrdiff_t *sr, const uint32_t *a, ptrdiff_t sa, const uint32_t *b, ptrdiff_t sb) {
  add_signed(r, sr, a, sa, b, sb, true);
}

int wf_bigint_smul(uint32_t *r, ptrdiff_t *sr, const uint32_t *a, ptrdiff_t sa, const uint32_t *b, ptrdiff_t sb) {
  size_t n;
  int st = wf_bigint_mul(r, &n, a, absz(sa), b, absz(sb));
  if (st) return st;
  *sr = signed_len(n, (sa < 0) != (sb < 0));
  return WF_BIGINT_OK;
}

int wf_bigint_sdivmod(uint32_t *q, ptrdiff_t *sq, uint32_t *m, ptrdiff_t *sm, const uint32_t *a, ptrdiff_t sa,
                      const uint32_t *b, ptrdiff_t sb) {
  size_t na = absz(sa), nb = absz(sb);
  if (nb == 0) return WF_BIGINT_EZERODIV;
  bool nega = sa < 0, negb = sb < 0;
  digit *rr = m;
  if (!rr && !(rr = dalloc(nb))) return WF_BIGINT_ENOMEM;
  size_t nq = 0, nr = 0;
  int st = wf_bigint_divrem(q, &nq, rr, &nr, a, na, b, nb);
  if (st) {
    if (!m) wf_bigint_tmp_free(rr);
    return st;
  }
  if (nega != negb && nr != 0) {
    if (q) {
      /* |q| + 1 fits: q has na - nb + 2 digits */
      digit c = wf_bi_add_1(q, q, nq, 1);
      if (c) q[nq++] = c;
      if (nq == 0) q[nq++] = 1;
    }
    if (m) nr = wf_bigint_sub(m, b, nb, m, nr);
  }
  if (q) *sq = signed_len(nq, nega != negb);
  if (m)
    *sm = signed_len(nr, negb);
  else
    wf_bigint_tmp_free(rr);
  return WF_BIGINT_OK;
}

/* ---- bitwise ----------------------------------------------------------- */
enum { OP_AND, OP_OR, OP_XOR };

static void bitop(uint32_t *r, ptrdiff_t *sr, const uint32_t *a, ptrdiff_t sa, const uint32_t *b, ptrdiff_t sb,
                  int op) {
  size_t na = absz(sa), nb = absz(sb), n = na > nb ? na : nb;
  bool nega = sa < 0, negb = sb < 0, negr;
  switch (op) {
    case OP_AND:
      negr = nega && negb;
      break;
    case OP_OR:
      negr = nega || negb;
      break;
    default:
      negr = nega != negb;
      break;
  }
  digit ca = 1, cb = 1, cr = 1;
  for (size_t i = 0; i < n; i++) {
    digit da = i < na ? a[i] : 0, db = i < nb ? b[i] : 0, dr;
    if (nega) {
      da = (da ^ MASK) + ca;
      ca = da >> SHIFT;
      da &= MASK;
    }
    if (negb) {
      db = (db ^ MASK) + cb;
      cb = db >> SHIFT;
      db &= MASK;
    }
    switch (op) {
      case OP_AND:
        dr = da & db;
        break;
      case OP_OR:
        dr = da | db;
        break;
      default:
        dr = da ^ db;
        break;
    }
    if (negr) {
      dr = (dr ^ MASK) + cr;
      cr = dr >> SHIFT;
      dr &= MASK;
    }
    r[i] = dr;
  }
  r[n] = negr ? cr : 0;
  *sr = signed_len(norm_len(r, n + 1), negr);
}

void wf_bigint_sand(uint32_t *r, ptrdiff_t *sr, const uint32_t *a, ptrdiff_t sa, const uint32_t *b, ptrdiff_t sb) {
  bitop(r, sr, a, sa, b, sb, OP_AND);
}
void wf_bigint_sor(uint32_t *r, ptrdiff_t *sr, const uint32_t *a, ptrdiff_t sa, const uint32_t *b, ptrdiff_t sb) {
  bitop(r, sr, a, sa, b, sb, OP_OR);
}
void wf_bigint_sxor(uint32_t *r, ptrdiff_t *sr, const uint32_t *a, ptrdiff_t sa, const uint32_t *b, ptrdiff_t sb) {
  bitop(r, sr, a, sa, b, sb, OP_XOR);
}

void wf_bigint_sinvert(uint32_t *r, ptrdiff_t *sr, const uint32_t *a, ptrdiff_t sa) {
  size_t na = absz(sa);
  if (sa >= 0) { /* ~a = -(a + 1) */
    digit c = wf_bi_add_1(r, a, na, 1);
    size_t n = na;
    if (c || na == 0) r[n++] = c ? c : 1;
    *sr = -(ptrdiff_t)n;
  } else { /* ~(-x) = x - 1 */
    wf_bi_sub_1(r, a, na, 1);
    *sr = (ptrdiff_t)norm_len(r, na);
  }
}

/* ---- shifts ------------------------------------------------------------ */
int wf_bigint_slshift(uint32_t *r, ptrdiff_t *sr, const uint32_t *a, ptrdiff_t sa, int64_t count) {
  if (count < 0) return WF_BIGINT_ENEG_SHIFT;
  size_t na = absz(sa);
  if (na == 0) {
    *sr = 0;
    return WF_BIGINT_OK;
  }
  if ((uint64_t)count / SHIFT >= (uint64_t)WF_BIGINT_MAX_DIGITS - na - 1) return WF_BIGINT_ENOMEM;
  size_t n = wf_bigint_lshift(r, a, na, (uint64_t)count);
  *sr = signed_len(n, sa < 0);
  return WF_BIGINT_OK;
}

int wf_bigint_srshift(uint32_t *r, ptrdiff_t *sr, const uint32_t *a, ptrdiff_t sa, int64_t count) {
  if (count < 0) return WF_BIGINT_ENEG_SHIFT;
  size_t na = absz(sa);
  if (sa >= 0) {
    *sr = (ptrdiff_t)wf_bigint_rshift(r, a, na, (uint64_t)count);
    return WF_BIGINT_OK;
  }
  /* floor(-x / 2^k) = -(((x - 1) >> k) + 1) */
  wf_bi_sub_1(r, a, na, 1);
  size_t n = wf_bigint_rshift(r, r, norm_len(r, na), (uint64_t)count);
  digit c = wf_bi_add_1(r, r, n, 1);
  if (c || n == 0) r[n++] = c ? c : 1;
  *sr = -(ptrdiff_t)n;
  return WF_BIGINT_OK;
}

/* ---- gcd --------------------------------------------------------------- */
/* One step of Lehmer's algorithm (Knuth, TAOCP 4.5.2, Algorithm L): run
 * Euclid on the leading 30 bits of x and y while the quotients are certain,
 * collecting cofactors; then (x, y) <- (A x + B y, C x + D y) in one pass.
 * Returns false when no quotient was certain (the caller divides). */
static bool lehmer_step(digit *x, size_t *nx, digit *y, size_t *ny) {
  size_t n = *nx;
  uint64_t bits = wf_bigint_bit_length(x, n);
  uint64_t sh = bits - SHIFT;
  int64_t xh = (int64_t)((((ddigit)x[n - 1] << SHIFT) | x[n - 2]) >> (sh - (n - 2) * SHIFT));
  int64_t yh = n - 1 < *ny   ? (int64_t)((((ddigit)y[n - 1] << SHIFT) | y[n - 2]) >> (sh - (n - 2) * SHIFT))
               : n - 2 < *ny ? (int64_t)((ddigit)y[n - 2] >> (sh - (n - 2) * SHIFT))
                             : 0;
  int64_t A = 1, B = 0, C = 0, D = 1;
  while (yh + C != 0 && yh + D != 0) {
    int64_t q = (xh + A) / (yh + C);
    if (q != (xh + B) / (yh + D)) break;
    int64_t t = A - q * C;
    A = C;
    C = t;
    t = B - q * D;
    B = D;
    D = t;
    t = xh - q * yh;
    xh = yh;
    yh = t;
  }
  if (B == 0) return false;
  dzero(y + *ny, n - *ny);
  int64_t cx = 0, cy = 0;
  for (size_t i = 0; i < n; i++) {
    int64_t xi = x[i], yi = y[i];
    int64_t tx = A * xi + B * yi + cx, ty = C * xi + D * yi + cy;
    x[i] = (digit)tx & MASK;
    y[i] = (digit)ty & MASK;
    cx = tx >> SHIFT;
    cy = ty >> SHIFT;
  }
  *nx = norm_len(x, n);
  *ny = norm_len(y, n);
  return true;
}

int wf_bigint_gcd(uint32_t *r, size_t *nr, const uint32_t *a, ptrdiff_t sa, const uint32_t *b, ptrdiff_t sb) {
  size_t na = absz(sa), nb = absz(sb);
  if (wf_bigint_cmp(a, na, b, nb) < 0) {
    const uint32_t *t = a;
    a = b;
    b = t;
    size_t tn = na;
    na = nb;
    nb = tn;
  }
  if (nb == 0) {
    dcopy(r, a, na);
    *nr = na;
    return WF_BIGINT_OK;
  }
  /* x >= y > 0 in three rotating buffers of na digits */
  digit *buf = dalloc(3 * na);
  if (!buf) return WF_BIGINT_ENOMEM;
  digit *x = buf, *y = buf + na, *z = buf + 2 * na;
  size_t nx = na, ny = nb, nz;
  dcopy(x, a, na);
  dcopy(y, b, nb);
  while (ny > 0) {
    if (ny == 1) {
      /* finish in machine words */
      digit u = y[0], v = wf_bigint_divrem1(x, NULL, x, nx, y[0]);
      while (v) {
        digit t = u % v;
        u = v;
        v = t;
      }
      y[0] = u;
      nx = 1;
      x = y;
      break;
    }
    if (nx - ny <= 1 && lehmer_step(x, &nx, y, &ny)) continue;
    int st = wf_bigint_divrem(NULL, NULL, z, &nz, x, nx, y, ny);
    if (st) {
      wf_bigint_tmp_free(buf);
      return st;
    }
    digit *t = x;
    x = y;
    nx = ny;
    y = z;
    ny = nz;
    z = t;
  }
  dcopy(r, x, nx);
  *nr = nx;
  wf_bigint_tmp_free(buf);
  return WF_BIGINT_OK;
}
