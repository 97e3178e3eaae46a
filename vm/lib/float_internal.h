/* float_internal.h — private to vm/lib/float_*.c.
 *
 * wf_bn: a fixed-capacity unsigned big integer (little-endian 32-bit limbs)
 * living on the caller's stack.  Capacity bound: the largest number any
 * float_*.c routine builds is below 2^4200 (parsing: 800 significant
 * digits shifted by up to 2^1075, or (2^54) * 5^1125 * 2^60); digit
 * generation stays below 2^1200.  Debug builds assert the bound.
 * Invariant: n is the number of limbs, d[n-1] != 0 unless n == 0 (zero).
 */
#ifndef WF_FLOAT_INTERNAL_H
#define WF_FLOAT_INTERNAL_H

#include <stdint.h>
#include <string.h>

#define BN_LIMBS 144

typedef struct {
  int n;
  uint32_t d[BN_LIMBS];
} wf_bn;

void wf_bn_set_u64(wf_bn *a, uint64_t v);
void wf_bn_copy(wf_bn *dst, const wf_bn *src);
void wf_bn_mul_u32(wf_bn *a, uint32_t m);
void wf_bn_mul_u64(wf_bn *a, uint64_t m);
void wf_bn_muladd_u32(wf_bn *a, uint32_t m, uint32_t add);
void wf_bn_mul_pow5(wf_bn *a, int k);
void wf_bn_mul_pow10(wf_bn *a, int k);
void wf_bn_shl(wf_bn *a, int bits);
int wf_bn_cmp(const wf_bn *a, const wf_bn *b);
int wf_bn_cmp_sum(const wf_bn *a, const wf_bn *b, const wf_bn *c); /* a+b vs c */
void wf_bn_sub(wf_bn *a, const wf_bn *b);                          /* a -= b */
int wf_bn_bitlen(const wf_bn *a);
/* Bits [lo, lo+64) of a. */
uint64_t wf_bn_window(const wf_bn *a, int lo);
/* Is any bit below bit lo set? */
int wf_bn_low_nonzero(const wf_bn *a, int lo);

/* Quotient helper for digit generation: s fixed, s > 0, r < 10 * s. */
typedef struct {
  int shift;      /* window position */
  uint64_t top;   /* (s >> shift) + 1 */
} wf_bn_divisor;
void wf_bn_divisor_init(wf_bn_divisor *dv, const wf_bn *s);
/* Returns floor(r / s) (0..9) and leaves r mod s in r. */
int wf_bn_quot_digit(wf_bn *r, const wf_bn *s, const wf_bn_divisor *dv);

/* Round m * 2^e2 (plus a fraction below the last bit of m when sticky)
   to the nearest double, ties to even, with subnormals.  m != 0.
   Sets *overflow (and returns inf) when the result is too large. */
double wf_float_from_bits(uint64_t m, int64_t e2, int sticky, int *overflow);

#endif
