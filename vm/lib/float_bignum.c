/* float_bignum.c — the exact integer arithmetic behind float conversion.
 *
 * Only what the algorithms in float_dtoa.c / float_strtod.c need: small
 * multipliers (a limb or a 64-bit word), powers of five and ten, shifts,
 * comparison, subtraction, and a quotient-digit step for r < 10*s.  All
 * numbers live in caller-owned wf_bn values (see float_internal.h for the
 * capacity bound); nothing allocates, nothing is global.
 */
#include "float_internal.h"

#include <assert.h>

#define CHECK_CAP(k) assert((k) <= BN_LIMBS)

static uint32_t limb(const wf_bn *a, int i) {
  return i >= 0 && i < a->n ? a->d[i] : 0;
}

static void trim(wf_bn *a) {
  while (a->n > 0 && a->d[a->n - 1] == 0) a->n--;
}

void wf_bn_set_u64(wf_bn *a, uint64_t v) {
  a->n = 0;
  while (v) {
    a->d[a->n++] = (uint32_t)v;
    v >>= 32;
  }
}

void wf_bn_copy(wf_bn *dst, const wf_bn *src) {
  dst->n = src->n;
  memcpy(dst->d, src->d, (size_t)src->n * sizeof(uint32_t));
}

void wf_bn_muladd_u32(wf_bn *a, uint32_t m, uint32_t add) {
  uint64_t carry = add;
  for (int i = 0; i < a->n; i++) {
    uint64_t t = (uint64_t)a->d[i] * m + carry;
    a->d[i] = (uint32_t)t;
    carry = t >> 32;
  }
  if (carry) {
    CHECK_CAP(a->n + 1);
    a->d[a->n++] = (uint32_t)carry;
  }
  if (m == 0) trim(a);
}

void wf_bn_mul_u32(wf_bn *a, uint32_t m) { wf_bn_muladd_u32(a, m, 0); }

void wf_bn_mul_u64(wf_bn *a, uint64_t m) {
  uint32_t lo = (uint32_t)m, hi = (uint32_t)(m >> 32);
  if (hi == 0) {
    wf_bn_mul_u32(a, lo);
    return;
  }
  /* a*m = a*lo + (a*hi << 32), one pass with a two-limb carry. */
  CHECK_CAP(a->n + 2);
  uint64_t carry_lo = 0; /* pending addition into limb i */
  uint32_t prev = 0;     /* a->d[i-1] before overwrite */
  int n = a->n;
  a->d[n] = 0;
  a->d[n + 1] = 0;
  for (int i = 0; i < n + 2; i++) {
    uint32_t cur = i < n ? a->d[i] : 0;
    unsigned __int128 t = (unsigned __int128)cur * lo +
                          (unsigned __int128)prev * hi + carry_lo;
    a->d[i] = (uint32_t)t;
    carry_lo = (uint64_t)(t >> 32);
    prev = cur;
  }
  a->n = n + 2;
  trim(a);
}

/* 5^13 is the largest power of five below 2^32. */
void wf_bn_mul_pow5(wf_bn *a, int k) {
  static const uint32_t p5[14] = {1,        5,         25,        125,
                                  625,      3125,      15625,     78125,
                                  390625,   1953125,   9765625,   48828125,
                                  244140625, 1220703125};
  if (a->n == 0) return;
  while (k >= 13) {
    wf_bn_mul_u32(a, p5[13]);
    k -= 13;
  }
  if (k > 0) wf_bn_mul_u32(a, p5[k]);
}

void wf_bn_mul_pow10(wf_bn *a, int k) {
  wf_bn_mul_pow5(a, k);
  wf_bn_shl(a, k);
}

void wf_bn_shl(wf_bn *a, int bits) {
  if (a->n == 0 || bits == 0) return;
  int limbs = bits / 32, b = bits % 32;
  int n = a->n;
  CHECK_CAP(n + limbs + 1);
  if (b == 0) {
    memmove(a->d + limbs, a->d, (size_t)n * sizeof(uint32_t));
  } else {
    a->d[n + limbs] = a->d[n - 1] >> (32 - b);
    for (int i = n - 1; i > 0; i--)
      a->d[i + limbs] = (a->d[i] << b) | (a->d[i - 1] >> (32 - b));
    a->d[limbs] = a->d[0] << b;
    n++;
  }
  memset(a->d, 0, (size_t)limbs * sizeof(uint32_t));
  a->n = n + limbs;
  trim(a);
}

int wf_bn_cmp(const wf_bn *a, const wf_bn *b) {
  if (a->n != b->n) return a->n < b->n ? -1 : 1;
  for (int i = a->n - 1; i >= 0; i--)
    if (a->d[i] != b->d[i]) return a->d[i] < b->d[i] ? -1 : 1;
  return 0;
}

/* Compare a+b with c without materialising the sum: one bottom-up pass
   over (a + b - c) with a signed carry in {-1, 0, 1}. */
int wf_bn_cmp_sum(const wf_bn *a, const wf_bn *b, const wf_bn *c) {
  int n = a->n > b->n ? a->n : b->n;
  if (c->n > n + 1) return -1;
  if (n > c->n) return 1;
  /* Usually decided by the top 64 bits: with W(x) = floor(x / 2^lo),
     W(a)+W(b) <= (a+b)/2^lo < W(a)+W(b)+2 and W(c) <= c/2^lo < W(c)+1. */
  int lo = 32 * c->n - 64;
  if (lo > 0) {
    unsigned __int128 sum =
        (unsigned __int128)wf_bn_window(a, lo) + wf_bn_window(b, lo);
    uint64_t wc = wf_bn_window(c, lo);
    if (sum + 2 <= wc) return -1;
    if (sum > wc) return 1;
  }
  int64_t carry = 0;
  int nonzero = 0;
  for (int i = 0; i < c->n; i++) {
    int64_t t = (int64_t)limb(a, i) + (int64_t)limb(b, i) - (int64_t)c->d[i] + carry;
    int64_t lo = t & 0xffffffff;
    carry = (t - lo) / ((int64_t)1 << 32);
    if (lo) nonzero = 1;
  }
  if (carry != 0) return carry < 0 ? -1 : 1;
  return nonzero;
}

void wf_bn_sub(wf_bn *a, const wf_bn *b) {
  int64_t borrow = 0;
  for (int i = 0; i < a->n; i++) {
    int64_t t = (int64_t)a->d[i] - (i < b->n ? (int64_t)b->d[i] : 0) + borrow;
    if (t < 0) {
      t += (int64_t)1 << 32;
      borrow = -1;
    } else {
      borrow = 0;
    }
    a->d[i] = (uint32_t)t;
  }
  assert(borrow == 0);
  trim(a);
}

int wf_bn_bitlen(const wf_bn *a) {
  if (a->n == 0) return 0;
  return 32 * (a->n - 1) + (32 - __builtin_clz(a->d[a->n - 1]));
}

uint64_t wf_bn_window(const wf_bn *a, int lo) {
  if (lo < 0) {
    /* Negative positions read as zero bits. */
    if (lo <= -64) return 0;
    return wf_bn_window(a, 0) << (-lo);
  }
  int li = lo / 32, b = lo % 32;
  uint64_t w = (uint64_t)limb(a, li) | ((uint64_t)limb(a, li + 1) << 32);
  if (b == 0) return w;
  return (w >> b) | ((uint64_t)limb(a, li + 2) << (64 - b));
}

int wf_bn_low_nonzero(const wf_bn *a, int lo) {
  if (lo <= 0) return 0;
  int li = lo / 32, b = lo % 32;
  for (int i = 0; i < li && i < a->n; i++)
    if (a->d[i]) return 1;
  if (b && li < a->n && (a->d[li] & ((1u << b) - 1))) return 1;
  return 0;
}

/* Quotient digits: with s's top 60 bits in [2^59, 2^60) and r < 10*s, the
   estimate floor(r_window / (s_window + 1)) is the true quotient or one
   less, so a single correction step suffices. */
void wf_bn_divisor_init(wf_bn_divisor *dv, const wf_bn *s) {
  int bl = wf_bn_bitlen(s);
  dv->shift = bl - 60;
  dv->top = (wf_bn_window(s, dv->shift) & ((UINT64_C(1) << 60) - 1)) + 1;
}

/* r -= q * s for a small q with q * s <= r. */
static void submul(wf_bn *r, const wf_bn *s, uint32_t q) {
  uint64_t carry = 0;
  int64_t borrow = 0;
  for (int i = 0; i < r->n; i++) {
    uint64_t p = (i < s->n ? (uint64_t)s->d[i] * q : 0) + carry;
    carry = p >> 32;
    int64_t t = (int64_t)r->d[i] - (int64_t)(uint32_t)p + borrow;
    if (t < 0) {
      t += (int64_t)1 << 32;
      borrow = -1;
    } else {
      borrow = 0;
    }
    r->d[i] = (uint32_t)t;
  }
  assert(carry == 0 && borrow == 0);
  trim(r);
}

int wf_bn_quot_digit(wf_bn *r, const wf_bn *s, const wf_bn_divisor *dv) {
  uint64_t rw = wf_bn_window(r, dv->shift);
  /* r < 10 s < 2^(shift+64), so rw is all of r above the window base. */
  uint32_t q = (uint32_t)(rw / dv->top);
  if (q) submul(r, s, q);
  while (wf_bn_cmp(r, s) >= 0) {
    wf_bn_sub(r, s);
    q++;
  }
  return (int)q;
}
