/* bigint_internal.h — helpers shared by the bigint_*.c files (not public).
 *
 * Low-level loops work on unnormalised digit vectors of a given length and
 * return carries/borrows, as GMP's mpn layer. Every digit stays < 2**30;
 * a "double digit" is a uint64_t, which holds a digit product plus two
 * digits without overflow.
 */
#ifndef WF_BIGINT_INTERNAL_H
#define WF_BIGINT_INTERNAL_H

#include "wf_bigint.h"

#include <stdbool.h>
#include <string.h>

#define SHIFT WF_BIGINT_SHIFT
#define MASK WF_BIGINT_MASK
typedef uint32_t digit;
typedef uint64_t ddigit;

static inline size_t norm_len(const digit *a, size_t n) {
  while (n > 0 && a[n - 1] == 0) n--;
  return n;
}
static inline size_t absz(ptrdiff_t s) { return s < 0 ? (size_t)-s : (size_t)s; }
static inline ptrdiff_t signed_len(size_t n, bool neg) { return neg ? -(ptrdiff_t)n : (ptrdiff_t)n; }
static inline void dzero(digit *r, size_t n) {
  if (n) memset(r, 0, n * sizeof(digit));
}
static inline void dcopy(digit *r, const digit *a, size_t n) {
  if (n && r != a) memmove(r, a, n * sizeof(digit));
}
static inline digit *dalloc(size_t n) { return (digit *)wf_bigint_tmp_alloc((n ? n : 1) * sizeof(digit)); }

/* bigint_core.c: r[0..n) = a + b (carry returned), r may alias a or b. */
digit wf_bi_add_n(digit *r, const digit *a, const digit *b, size_t n);
digit wf_bi_sub_n(digit *r, const digit *a, const digit *b, size_t n);
/* r[0..n) = a[0..n) + c (c < 2**30); returns carry. */
digit wf_bi_add_1(digit *r, const digit *a, size_t n, digit c);
digit wf_bi_sub_1(digit *r, const digit *a, size_t n, digit c);
/* r[0..n) = a * d + carry-out; returns carry-out. */
digit wf_bi_mul_1(digit *r, const digit *a, size_t n, digit d);
/* r[0..n) += a * d; returns carry-out. */
digit wf_bi_addmul_1(digit *r, const digit *a, size_t n, digit d);
/* r[0..n) -= a * d; returns borrow-out (a digit-sized value). */
digit wf_bi_submul_1(digit *r, const digit *a, size_t n, digit d);
/* r[0..n) = a << s, 0 <= s < 30; returns bits shifted out. r may alias a. */
digit wf_bi_lshift_small(digit *r, const digit *a, size_t n, int s);
/* r[0..n) = a >> s, 0 <= s < 30; returns shifted-out bits (low bits). */
digit wf_bi_rshift_small(digit *r, const digit *a, size_t n, int s);
/* Adds a (na digits) into r (nr >= na digits), returns carry out of r. */
digit wf_bi_add_into(digit *r, size_t nr, const digit *a, size_t na);
digit wf_bi_sub_from(digit *r, size_t nr, const digit *a, size_t na);
int wf_bi_bits_in_digit(digit d);

/* bigint_mul.c: r[0..na+nb) = a * b, na >= nb >= 1, unnormalised, no overlap. */
int wf_bi_mul_raw(digit *r, const digit *a, size_t na, const digit *b, size_t nb);

/* bigint_div.c: magnitudes, normalised inputs; see wf_bigint_divrem. */
int wf_bi_divrem(digit *q, digit *r, const digit *a, size_t na, const digit *b, size_t nb);

/* A heap-backed scratch integer for the multi-step algorithms
 * (gcd, inverse, powmod, conversions). */
typedef struct {
  digit *d;
  size_t n;   /* normalised length */
  size_t cap; /* allocated digits */
  bool neg;
} wf_bi_tmp;

bool wf_bi_tmp_reserve(wf_bi_tmp *t, size_t cap);
void wf_bi_tmp_free(wf_bi_tmp *t);
bool wf_bi_tmp_set(wf_bi_tmp *t, const digit *a, size_t n, bool neg);

#endif
