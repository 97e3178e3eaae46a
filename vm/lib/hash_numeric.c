/* hash_numeric.c — numeric, pointer, tuple and frozenset hashes (CPython 3.11).
 *
 * Numbers: for a rational value q = a/b, hash(q) = a * b^-1 mod P with
 * P = 2**61 - 1 (a Mersenne prime), negated for negative q, with -1 -> -2;
 * +-inf hash to +-314159. Because 2**61 = 1 (mod P), multiplying by 2**k mod P
 * is a rotation of a 61-bit value by (k mod 61) bits, so:
 *   - an int with 30-bit digits d[i] is folded from the most significant digit:
 *     x = rot61(x, 30) + d[i] (mod P);
 *   - a finite double is M * 2**E with an integer M < 2**53 (< P), so its hash is
 *     rot61(M, E mod 61); integral doubles therefore hash like the equal int.
 * A NaN hashes by object identity in 3.11 (wf_hash_pointer of the object).
 *
 * Tuple: xxHash64-style accumulation of element hashes (prime multiplies and a
 * 31-bit rotate per lane), then the length mixed in. Frozenset: XOR of a bit
 * shuffle of every element hash (order-independent), then the size and a final
 * dispersion. Both are the 3.11 formulas; none of this touches global state.
 */
#include "wf_hash.h"

#include <math.h>

#define P WF_HASH_MODULUS

static inline wf_uhash_t rot61(wf_uhash_t x, unsigned k)
{
    /* x < 2**61, 0 <= k < 61 */
    return ((x << k) & P) | (x >> (61 - k));
}

static inline wf_hash_t fix(wf_uhash_t x) { return (wf_hash_t)x == -1 ? -2 : (wf_hash_t)x; }

wf_hash_t wf_hash_int_digits(const uint32_t *digits, size_t ndigits, int sign)
{
    wf_uhash_t x = 0;
    for (size_t i = ndigits; i-- > 0;) {
        x = rot61(x, 30) + digits[i];
        if (x >= P)
            x -= P;
    }
    if (sign < 0)
        x = (wf_uhash_t)0 - x;
    return fix(x);
}

wf_hash_t wf_hash_int64(int64_t v)
{
    wf_uhash_t mag = v < 0 ? (wf_uhash_t)0 - (wf_uhash_t)v : (wf_uhash_t)v;
    wf_uhash_t x = mag % P;
    if (v < 0)
        x = (wf_uhash_t)0 - x;
    return fix(x);
}

wf_hash_t wf_hash_pointer(const void *p)
{
    uintptr_t y = (uintptr_t)p;
    y = (y >> 4) | (y << (8 * sizeof(void *) - 4));
    return fix((wf_uhash_t)y);
}

wf_hash_t wf_hash_double(double v, const void *identity)
{
    if (isnan(v))
        return wf_hash_pointer(identity);
    if (isinf(v))
        return v > 0 ? WF_HASH_INF : -WF_HASH_INF;
    int e;
    double m = frexp(fabs(v), &e);          /* |v| = m * 2**e, 0.5 <= m < 1 */
    wf_uhash_t M = (wf_uhash_t)ldexp(m, 53); /* exact: m has <= 53 significant bits */
    int E = e - 53;
    int k = E % 61;
    if (k < 0)
        k += 61;
    wf_uhash_t x = M == 0 ? 0 : rot61(M, (unsigned)k);
    if (x == P)
        x = 0;
    if (v < 0)
        x = (wf_uhash_t)0 - x;
    return fix(x);
}

wf_hash_t wf_hash_complex(double re, double im, const void *identity)
{
    wf_uhash_t hr = (wf_uhash_t)wf_hash_double(re, identity);
    wf_uhash_t hi = (wf_uhash_t)wf_hash_double(im, identity);
    return fix(hr + (wf_uhash_t)WF_HASH_IMAG * hi);
}

/* xxHash64 primes */
#define XXPRIME_1 11400714785074694791ULL
#define XXPRIME_2 14029467366897019727ULL
#define XXPRIME_5 2870177450012600261ULL

void wf_tuple_hasher_init(wf_tuple_hasher *h) { h->acc = XXPRIME_5; }

void wf_tuple_hasher_add(wf_tuple_hasher *h, wf_hash_t item_hash)
{
    wf_uhash_t acc = h->acc + (wf_uhash_t)item_hash * XXPRIME_2;
    acc = (acc << 31) | (acc >> 33);
    h->acc = acc * XXPRIME_1;
}

wf_hash_t wf_tuple_hasher_finish(const wf_tuple_hasher *h, size_t n)
{
    wf_uhash_t acc = h->acc + ((wf_uhash_t)n ^ (XXPRIME_5 ^ 3527539ULL));
    if (acc == (wf_uhash_t)-1)
        return 1546275796;
    return (wf_hash_t)acc;
}

wf_hash_t wf_hash_tuple(const wf_hash_t *item_hashes, size_t n)
{
    wf_tuple_hasher h;
    wf_tuple_hasher_init(&h);
    for (size_t i = 0; i < n; i++)
        wf_tuple_hasher_add(&h, item_hashes[i]);
    return wf_tuple_hasher_finish(&h, n);
}

static inline wf_uhash_t shuffle_bits(wf_uhash_t h)
{
    return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL;
}

wf_hash_t wf_hash_frozenset(const wf_hash_t *item_hashes, size_t n)
{
    wf_uhash_t h = 0;
    for (size_t i = 0; i < n; i++)
        h ^= shuffle_bits((wf_uhash_t)item_hashes[i]);
    h ^= ((wf_uhash_t)n + 1) * 1927868237ULL;
    h ^= (h >> 11) ^ (h >> 25);
    h = h * 69069U + 907133923ULL;
    if (h == (wf_uhash_t)-1)
        h = 590923713ULL;
    return (wf_hash_t)h;
}
