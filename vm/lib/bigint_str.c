/* bigint_str.c — conversion between magnitudes and digit strings.
 *
 * Algorithm
 *   Power-of-two bases (2, 4, 8, 16, 32): bit fields, linear time.
 *   Other bases work in "limbs" of k characters, bigbase = base^k the
 *   largest power below 2**30 (10^9 for base 10).
 *   - to string, small values: repeated single-digit division by bigbase
 *     (quadratic). Large values (> DC_DIGITS digits): divide and conquer
 *     with a table P[i] = bigbase^(2^i): x = q P[i] + r with P[i] about half
 *     of x, r printed zero-padded to k 2^i characters, q recursively. With
 *     Burnikel-Ziegler division this is O(M(n) log n).
 *   - from string: limbs are parsed, then combined: small counts by
 *     multiply-and-add, large ones recursively (value = high P[j] + low,
 *     low having 2^j limbs).
 *   Parsing follows CPython 3.11's int(): whitespace, sign, base 0 prefix
 *   detection, underscores only between digits (or after a prefix), then
 *   the digit-count limit (non-power-of-two bases), then trailing text and
 *   base-0 leading zeros.
 */
#include "bigint_internal.h"

#define DC_DIGITS 120 /* divide-and-conquer above this many 30-bit digits */
#define DC_LIMBS 120

static const char digit_chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

static int pow2_bits(int base) {
  return base == 2 ? 1 : base == 4 ? 2 : base == 8 ? 3 : base == 16 ? 4 : base == 32 ? 5 : 0;
}

/* bigbase = base^k, largest below 2**30 */
static digit big_base(int base, int *k) {
  digit b = (digit)base;
  int n = 1;
  while ((ddigit)b * (ddigit)base < WF_BIGINT_BASE) {
    b *= (digit)base;
    n++;
  }
  *k = n;
  return b;
}

/* ---- table of bigbase^(2^i) -------------------------------------------- */
typedef struct {
  wf_bi_tmp p[48];
  int n;
} powtab;

static void powtab_free(powtab *t) {
  for (int i = 0; i < t->n; i++) wf_bi_tmp_free(&t->p[i]);
  t->n = 0;
}

/* Makes sure entries 0..i exist. */
static int powtab_need(powtab *t, int i, digit bigbase) {
  if (t->n == 0) {
    t->p[0] = (wf_bi_tmp){0};
    if (!wf_bi_tmp_set(&t->p[0], &bigbase, 1, false)) return WF_BIGINT_ENOMEM;
    t->n = 1;
  }
  while (t->n <= i) {
    wf_bi_tmp *prev = &t->p[t->n - 1], *next = &t->p[t->n];
    *next = (wf_bi_tmp){0};
    if (!wf_bi_tmp_reserve(next, 2 * prev->n)) return WF_BIGINT_ENOMEM;
    int st = wf_bigint_sqr(next->d, &next->n, prev->d, prev->n);
    if (st) return st;
    t->n++;
  }
  return WF_BIGINT_OK;
}

/* ---- to string --------------------------------------------------------- */
size_t wf_bigint_to_str_size(const uint32_t *a, ptrdiff_t sa, int base) {
  size_t na = absz(sa);
  uint64_t bits = wf_bigint_bit_length(a, na);
  /* chars <= bits / log2(base) + 1; log2(base) >= 1, and >= 3.32 for base 10 */
  int lg = 0;
  while ((2 << lg) <= base) lg++; /* floor(log2(base)) */
  return (size_t)(bits / (uint64_t)lg) + 2 + (sa < 0);
}

/* x = x / 10^9 in place (a constant divisor: the compiler multiplies). */
static digit divrem_1e9(digit *x, size_t *nx) {
  ddigit rem = 0;
  for (size_t i = *nx; i-- > 0;) {
    rem = (rem << SHIFT) | x[i];
    x[i] = (digit)(rem / 1000000000u);
    rem %= 1000000000u;
  }
  *nx = norm_len(x, *nx);
  return (digit)rem;
}

/* Writes x (nx digits; destroyed) as exactly width chars, zero-padded. */
static void to_str_basecase(char *out, size_t width, digit *x, size_t nx, digit bigbase, int k, int base) {
  char *p = out + width;
  while (nx > 0) {
    digit rem = bigbase == 1000000000u ? divrem_1e9(x, &nx) : wf_bigint_divrem1(x, &nx, x, nx, bigbase);
    if (base == 10) {
      for (int i = 0; i < k && p > out; i++) {
        *--p = (char)('0' + rem % 10u);
        rem /= 10u;
      }
    } else {
      for (int i = 0; i < k && p > out; i++) {
        *--p = digit_chars[rem % (digit)base];
        rem /= (digit)base;
      }
    }
  }
  while (p > out) *--p = '0';
}

static int to_str_rec(char *out, size_t width, const digit *x, size_t nx, powtab *tab, digit bigbase, int k, int base) {
  if (nx <= DC_DIGITS) {
    digit *t = dalloc(nx);
    if (!t) return WF_BIGINT_ENOMEM;
    dcopy(t, x, nx);
    to_str_basecase(out, width, t, nx, bigbase, k, base);
    wf_bigint_tmp_free(t);
    return WF_BIGINT_OK;
  }
  /* largest i with 2 n(P[i]) - 1 <= nx */
  int i = 0;
  for (;;) {
    int st = powtab_need(tab, i + 1, bigbase);
    if (st) return st;
    if (2 * tab->p[i + 1].n - 1 > nx) break;
    i++;
  }
  const wf_bi_tmp *P = &tab->p[i];
  size_t nq = nx - P->n + 1;
  digit *q = dalloc(nq + P->n);
  if (!q) return WF_BIGINT_ENOMEM;
  digit *r = q + nq;
  size_t nr;
  int st = wf_bigint_divrem(q, &nq, r, &nr, x, nx, P->d, P->n);
  size_t wr = (size_t)k << i;
  if (!st) st = to_str_rec(out + width - wr, wr, r, nr, tab, bigbase, k, base);
  if (!st) st = to_str_rec(out, width - wr, q, nq, tab, bigbase, k, base);
  wf_bigint_tmp_free(q);
  return st;
}

int wf_bigint_to_str(char *out, size_t *nout, const uint32_t *a, ptrdiff_t sa, int base, size_t max_str_digits) {
  size_t na = absz(sa);
  char *p = out;
  if (na == 0) {
    *p = '0';
    *nout = 1;
    return WF_BIGINT_OK;
  }
  int pb = pow2_bits(base);
  if (pb) {
    uint64_t bits = wf_bigint_bit_length(a, na);
    uint64_t nch = (bits + (uint64_t)pb - 1) / (uint64_t)pb;
    if (sa < 0) *p++ = '-';
    for (uint64_t c = nch; c-- > 0;) {
      uint64_t pos = c * (uint64_t)pb;
      size_t di = (size_t)(pos / SHIFT);
      int off = (int)(pos % SHIFT);
      ddigit w = a[di] >> off;
      if (off + pb > SHIFT && di + 1 < na) w |= (ddigit)a[di + 1] << (SHIFT - off);
      *p++ = digit_chars[w & (ddigit)(base - 1)];
    }
    *nout = (size_t)(p - out);
    return WF_BIGINT_OK;
  }
  if (base == 10 && max_str_digits > 0 && na >= 73 && max_str_digits / 90 <= (na - 11) / 10)
    return WF_BIGINT_ESTR_LIMIT_TO_STR; /* CPython 3.11's size pre-check */
  int k;
  digit bigbase = big_base(base, &k);
  size_t width = wf_bigint_to_str_size(a, sa, base) + (size_t)k;
  char *buf = (char *)wf_bigint_tmp_alloc(width);
  if (!buf) return WF_BIGINT_ENOMEM;
  powtab tab = {.n = 0};
  int st = to_str_rec(buf, width, a, na, &tab, bigbase, k, base);
  powtab_free(&tab);
  if (!st) {
    size_t z = 0;
    while (z + 1 < width && buf[z] == '0') z++;
    size_t nd = width - z;
    if (max_str_digits > 0 && nd > max_str_digits) {
      st = WF_BIGINT_ESTR_LIMIT_TO_STR;
    } else {
      if (sa < 0) *p++ = '-';
      memcpy(p, buf + z, nd);
      *nout = nd + (sa < 0);
    }
  }
  wf_bigint_tmp_free(buf);
  return st;
}

/* ---- from string ------------------------------------------------------- */
size_t wf_bigint_from_str_size(size_t len, int base) {
  int lg = 1;
  if (base < 2 || base > 36) base = 36; /* base 0 (or invalid): assume the widest */
  while ((1 << lg) < base) lg++;        /* ceil(log2(base)) */
  return (size_t)(((uint64_t)len * (uint64_t)lg) / SHIFT + 2);
}

static int char_value(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

static bool is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/* r = limbs[0..m) (value sum limbs[i] bigbase^i); r has room for m + 1 digits. */
static void limbs_basecase(digit *r, size_t *nr, const digit *limbs, size_t m, digit bigbase) {
  size_t n = 0;
  for (size_t i = m; i-- > 0;) {
    digit c = wf_bi_mul_1(r, r, n, bigbase);
    if (c) r[n++] = c;
    c = wf_bi_add_1(r, r, n, limbs[i]); /* n == 0: returns limbs[i] */
    if (c) r[n++] = c;
  }
  *nr = n;
}

static int limbs_rec(digit *r, size_t *nr, const digit *limbs, size_t m, powtab *tab, digit bigbase) {
  if (m <= DC_LIMBS) {
    limbs_basecase(r, nr, limbs, m, bigbase);
    return WF_BIGINT_OK;
  }
  int j = 0;
  while (((size_t)2 << j) < m) j++; /* 2^j < m <= 2^(j+1) */
  size_t h = (size_t)1 << j;
  int st = powtab_need(tab, j, bigbase);
  if (st) return st;
  const wf_bi_tmp *P = &tab->p[j];
  size_t cap_hi = m - h + 1, cap_lo = h + 1;
  digit *buf = dalloc(cap_hi + cap_lo);
  if (!buf) return WF_BIGINT_ENOMEM;
  digit *hi = buf, *lo = buf + cap_hi;
  size_t nhi, nlo;
  st = limbs_rec(hi, &nhi, limbs + h, m - h, tab, bigbase);
  if (!st) st = limbs_rec(lo, &nlo, limbs, h, tab, bigbase);
  if (!st) {
    size_t n = 0;
    if (nhi) {
      st = wf_bigint_mul(r, &n, hi, nhi, P->d, P->n);
    }
    if (!st) {
      /* r = hi * P + lo; r has room for m + 1 digits */
      size_t len = n > nlo ? n : nlo;
      dzero(r + n, len + 1 - n);
      digit c = wf_bi_add_into(r, len, lo, nlo);
      r[len] = c;
      *nr = norm_len(r, len + 1);
    }
  }
  wf_bigint_tmp_free(buf);
  return st;
}

int wf_bigint_from_str(uint32_t *r, ptrdiff_t *sr, const char *s, size_t len, int base, size_t max_str_digits,
                       size_t *ndigits) {
  if (base != 0 && (base < 2 || base > 36)) return WF_BIGINT_EBAD_BASE;
  const unsigned char *p = (const unsigned char *)s, *end = p + len;
  while (p < end && is_space(*p)) p++;
  bool neg = false;
  if (p < end && (*p == '+' || *p == '-')) neg = *p++ == '-';
  bool prefixed = false, base0_decimal = false;
  if (p + 1 < end && p[0] == '0') {
    int c = p[1] | 0x20;
    int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
    if (pb && (base == 0 || base == pb)) {
      base = pb;
      p += 2;
      prefixed = true;
    }
  }
  if (base == 0) {
    base = 10;
    base0_decimal = true;
  }
  /* scan digits and underscores */
  const unsigned char *start = p;
  size_t nd = 0;
  bool prev_us = false, any = false;
  for (; p < end; p++) {
    if (*p == '_') {
      if (prev_us || (!any && !prefixed)) return WF_BIGINT_EINVALID_LITERAL;
      prev_us = true;
      continue;
    }
    if (char_value(*p) >= base) break;
    nd++;
    any = true;
    prev_us = false;
  }
  if (prev_us || nd == 0) return WF_BIGINT_EINVALID_LITERAL;
  const unsigned char *dend = p;
  int pb = pow2_bits(base);
  if (!pb && max_str_digits > 0 && nd > max_str_digits) {
    if (ndigits) *ndigits = nd;
    return WF_BIGINT_ESTR_LIMIT_TO_INT;
  }
  while (p < end && is_space(*p)) p++;
  if (p != end) return WF_BIGINT_EINVALID_LITERAL;
  if (base0_decimal && *start == '0') {
    for (const unsigned char *q = start; q < dend; q++)
      if (*q != '0' && *q != '_') return WF_BIGINT_EINVALID_LITERAL;
  }
  /* convert */
  if (pb) {
    size_t n = 0;
    ddigit acc = 0;
    int accbits = 0;
    for (const unsigned char *q = dend; q-- > start;) {
      if (*q == '_') continue;
      acc |= (ddigit)char_value(*q) << accbits;
      accbits += pb;
      if (accbits >= SHIFT) {
        r[n++] = (digit)acc & MASK;
        acc >>= SHIFT;
        accbits -= SHIFT;
      }
    }
    if (accbits) r[n++] = (digit)acc;
    n = norm_len(r, n);
    *sr = signed_len(n, neg);
    return WF_BIGINT_OK;
  }
  int k;
  digit bigbase = big_base(base, &k);
  size_t m = (nd + (size_t)k - 1) / (size_t)k;
  digit *limbs = dalloc(m);
  if (!limbs) return WF_BIGINT_ENOMEM;
  /* limbs[0] is the least significant k characters */
  {
    size_t li = 0;
    int cnt = 0;
    digit val = 0, mult = 1;
    for (const unsigned char *q = dend; q-- > start;) {
      if (*q == '_') continue;
      val += (digit)char_value(*q) * mult;
      mult *= (digit)base;
      if (++cnt == k) {
        limbs[li++] = val;
        val = 0;
        mult = 1;
        cnt = 0;
      }
    }
    if (cnt) limbs[li++] = val;
  }
  int st;
  size_t n = 0;
  if (m <= DC_LIMBS) {
    limbs_basecase(r, &n, limbs, m, bigbase);
    st = WF_BIGINT_OK;
  } else {
    powtab tab = {.n = 0};
    digit *t = dalloc(m + 2);
    st = t ? limbs_rec(t, &n, limbs, m, &tab, bigbase) : WF_BIGINT_ENOMEM;
    if (!st) dcopy(r, t, n);
    wf_bigint_tmp_free(t);
    powtab_free(&tab);
  }
  wf_bigint_tmp_free(limbs);
  if (st) return st;
  *sr = signed_len(n, neg);
  return WF_BIGINT_OK;
}
