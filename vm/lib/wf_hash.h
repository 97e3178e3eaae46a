/* wf_hash.h — CPython 3.11-compatible hashing (pure C, no Python objects).
 *
 * What this provides, each bit-for-bit equal to python3.11 on a 64-bit
 * little-endian machine:
 *   - the hash secret, derived from PYTHONHASHSEED exactly as 3.11 does
 *     (see wf_hash_init_from_env);
 *   - siphash13 over raw bytes: bytes/bytearray/memoryview and str, where a
 *     str is hashed over its PEP 393 buffer (1, 2 or 4 bytes per code point,
 *     native byte order, canonical kind: the caller must pass the narrowest
 *     kind that holds every code point, as CPython's str does);
 *   - numeric hashes modulo P = 2**61 - 1 (int, float, complex) so that
 *     equal numbers of different types hash equal;
 *   - the tuple hash (xxHash-style lanes) and the frozenset hash, both over
 *     already-computed element hashes;
 *   - sys.hash_info as constants.
 * Every function that returns a hash never returns -1 (CPython's error
 * value): a -1 result becomes -2, as in CPython.
 *
 * Threading: the secret is written once at start-up (wf_hash_init_*) before
 * any other thread exists, and only read afterwards; everything else is pure.
 */
#ifndef WF_HASH_H
#define WF_HASH_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef int64_t wf_hash_t;   /* Py_hash_t */
typedef uint64_t wf_uhash_t; /* Py_uhash_t */

/* sys.hash_info */
#define WF_HASH_WIDTH 64
#define WF_HASH_BITS 61
#define WF_HASH_MODULUS ((wf_uhash_t)0x1FFFFFFFFFFFFFFFULL) /* 2**61 - 1 */
#define WF_HASH_INF 314159
#define WF_HASH_NAN 0
#define WF_HASH_IMAG 1000003
#define WF_HASH_ALGORITHM "siphash13"
#define WF_HASH_HASH_BITS 64
#define WF_HASH_SEED_BITS 128
#define WF_HASH_CUTOFF 0

/* The 24-byte secret (CPython's _Py_HashSecret): bytes 0..15 are the
 * siphash key k0, k1 (little-endian uint64 each); bytes 16..23 are the
 * "expat" salt. All zero with PYTHONHASHSEED=0. */
#define WF_HASH_SECRET_SIZE 24
extern unsigned char wf_hash_secret[WF_HASH_SECRET_SIZE];

/* Parse a PYTHONHASHSEED value as 3.11 does. NULL, "" and "random" mean
 * "random" (*use_seed = 0). Otherwise the text must be a decimal integer in
 * [0, 4294967295] (strtoul syntax: leading blanks and a sign are accepted,
 * nothing may follow): *use_seed = 1, *seed = value. Returns 0, or -1 if the
 * value is invalid (CPython then exits with
 * 'PYTHONHASHSEED must be "random" or an integer in range [0; 4294967295]'). */
int wf_hash_parse_seed(const char *text, int *use_seed, uint32_t *seed);

/* Derive the secret from a numeric seed: 0 gives an all-zero secret (hash
 * randomization disabled); any other seed fills the 24 bytes from a linear
 * congruential generator started at the seed (as CPython's lcg_urandom). */
void wf_hash_init_from_seed(uint32_t seed);

/* Fill the secret from getrandom() (non-blocking, falling back to
 * /dev/urandom). Returns 0 or -1 if no randomness could be read. */
int wf_hash_init_random(void);

/* Start-up entry point: text is getenv("PYTHONHASHSEED") (or NULL under -E).
 * Returns 0, or -1 for an invalid value (secret left unchanged). */
int wf_hash_init_from_env(const char *text);

/* Raw siphash13 with an explicit key (no -1 mapping, len 0 not special). */
uint64_t wf_siphash13(uint64_t k0, uint64_t k1, const void *data, size_t len);

/* hash(bytes) over the current secret: 0 for len 0, -1 mapped to -2. */
wf_hash_t wf_hash_bytes(const void *data, size_t len);

/* hash(str) for a PEP 393 buffer of n code points of the given kind.
 * (Equal to wf_hash_bytes over n*kind bytes.) */
wf_hash_t wf_hash_latin1(const uint8_t *s, size_t n);
wf_hash_t wf_hash_ucs2(const uint16_t *s, size_t n);
wf_hash_t wf_hash_ucs4(const uint32_t *s, size_t n);

/* hash(int) for an arbitrary-precision magnitude given as 30-bit digits
 * (least significant first; each digit < 2**30) and a sign (<0, 0, >0;
 * with ndigits == 0 the value is 0 whatever the sign). */
wf_hash_t wf_hash_int_digits(const uint32_t *digits, size_t ndigits, int sign);
/* hash(int) for a machine integer (the one-word fast path). */
wf_hash_t wf_hash_int64(int64_t v);

/* hash(float). For a NaN, 3.11 hashes the identity of the float object:
 * pass the object pointer as `identity` (see wf_hash_pointer). */
wf_hash_t wf_hash_double(double v, const void *identity);

/* hash(complex(re, im)); `identity` is the complex object (used if either
 * part is a NaN). */
wf_hash_t wf_hash_complex(double re, double im, const void *identity);

/* object.__hash__ / id-based hash: the pointer rotated right by 4 bits. */
wf_hash_t wf_hash_pointer(const void *p);

/* hash(tuple) from its element hashes (none of which may be -1). */
wf_hash_t wf_hash_tuple(const wf_hash_t *item_hashes, size_t n);

/* Incremental form of the tuple hash, for callers that hash elements one by
 * one: init, add each element hash, then finish with the element count. */
typedef struct { wf_uhash_t acc; } wf_tuple_hasher;
void wf_tuple_hasher_init(wf_tuple_hasher *h);
void wf_tuple_hasher_add(wf_tuple_hasher *h, wf_hash_t item_hash);
wf_hash_t wf_tuple_hasher_finish(const wf_tuple_hasher *h, size_t n);

/* hash(frozenset) from the hashes of its (distinct) elements, any order. */
wf_hash_t wf_hash_frozenset(const wf_hash_t *item_hashes, size_t n);

#ifdef __cplusplus
}
#endif
#endif /* WF_HASH_H */
