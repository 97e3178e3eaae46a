/* wf_bigint.h — arbitrary-precision integer arithmetic for Weft's int type.
 *
 * GMP "mpn"-style functions over caller-provided digit arrays. Pure C11: no
 * Python objects, no heap objects, no mutable globals (thread-safe).
 *
 * Representation
 *   A digit is a 30-bit value stored in a uint32_t (CPython's PyLongObject
 *   digit layout), least significant digit first.
 *   A *magnitude* is (const uint32_t *a, size_t na), normalised: na == 0 for
 *   zero, otherwise a[na-1] != 0.
 *   A *signed value* is (const uint32_t *a, ptrdiff_t sa): |sa| digits of
 *   magnitude, sign of sa is the sign of the value (CPython's ob_size).
 *   Results are written to caller buffers; every function documents the
 *   capacity it needs (in digits), or there is a *_size function. Functions
 *   that return a length return the normalised length; signed functions
 *   store the signed size in *sr.
 *   Unless a function says otherwise, output buffers must not overlap inputs.
 *
 * Errors
 *   Functions that can fail return an int status: WF_BIGINT_OK (0) or a
 *   negative WF_BIGINT_E* code. wf_bigint_error_kind() names the Python
 *   exception, wf_bigint_error_message() gives python3.11's message text
 *   (a printf format for the few parameterised ones; wf_bigint_format_error
 *   fills them in).
 *
 * Temporary memory
 *   Scratch space comes from wf_bigint_tmp_alloc/wf_bigint_tmp_free
 *   (bigint_alloc.c: plain malloc/free today; one place to repoint).
 */
#ifndef WF_BIGINT_H
#define WF_BIGINT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define WF_BIGINT_SHIFT 30
#define WF_BIGINT_BASE ((uint32_t)1 << WF_BIGINT_SHIFT)
#define WF_BIGINT_MASK (WF_BIGINT_BASE - 1)

/* CPython 3.11's default for sys.set_int_max_str_digits(); 0 = no limit. */
#define WF_BIGINT_DEFAULT_MAX_STR_DIGITS 4300

/* ---- status codes ---------------------------------------------------- */
enum {
  WF_BIGINT_OK = 0,
  WF_BIGINT_ENOMEM = -1,             /* MemoryError */
  WF_BIGINT_EZERODIV = -2,           /* ZeroDivisionError: integer division or modulo by zero */
  WF_BIGINT_EZERODIV_MOD = -3,       /* ZeroDivisionError: integer modulo by zero */
  WF_BIGINT_EZERODIV_TRUE = -4,      /* ZeroDivisionError: division by zero */
  WF_BIGINT_EPOW_MOD_ZERO = -5,      /* ValueError: pow() 3rd argument cannot be 0 */
  WF_BIGINT_ENOT_INVERTIBLE = -6,    /* ValueError: base is not invertible for the given modulus */
  WF_BIGINT_ENEG_SHIFT = -7,         /* ValueError: negative shift count */
  WF_BIGINT_ENEG_POW = -8,           /* not an error in Python: int ** negative int is a float
                                        power; the int type computes it with doubles */
  WF_BIGINT_EFLOAT_OVERFLOW = -9,    /* OverflowError: int too large to convert to float */
  WF_BIGINT_ETRUEDIV_OVERFLOW = -10, /* OverflowError: integer division result too large for a float */
  WF_BIGINT_EINVALID_LITERAL = -11,  /* ValueError: invalid literal for int() with base %d: %R */
  WF_BIGINT_EBAD_BASE = -12,         /* ValueError: int() base must be >= 2 and <= 36, or 0 */
  WF_BIGINT_ESTR_LIMIT_TO_STR = -13, /* ValueError: Exceeds the limit (%d digits) for integer string
                                        conversion; use sys.set_int_max_str_digits() to increase the limit */
  WF_BIGINT_ESTR_LIMIT_TO_INT = -14, /* ValueError: Exceeds the limit (%d digits) for integer string
                                        conversion: value has %zu digits; use ... */
  WF_BIGINT_EBYTES_OVERFLOW = -15,   /* OverflowError: int too big to convert */
  WF_BIGINT_ENEG_UNSIGNED = -16,     /* OverflowError: can't convert negative int to unsigned */
  WF_BIGINT_ELONG_OVERFLOW = -17,    /* OverflowError: Python int too large to convert to C long */
  WF_BIGINT_EULONG_OVERFLOW = -18,   /* OverflowError: Python int too large to convert to C unsigned long */
  WF_BIGINT_ENEG_ULONG = -19,        /* OverflowError: can't convert negative value to unsigned int */
  WF_BIGINT_EFLOAT_INF = -20,        /* OverflowError: cannot convert float infinity to integer */
  WF_BIGINT_EFLOAT_NAN = -21,        /* ValueError: cannot convert float NaN to integer */
};

typedef enum {
  WF_BIGINT_EXC_NONE = 0,
  WF_BIGINT_EXC_MEMORY,    /* MemoryError */
  WF_BIGINT_EXC_ZERODIV,   /* ZeroDivisionError */
  WF_BIGINT_EXC_VALUE,     /* ValueError */
  WF_BIGINT_EXC_OVERFLOW,  /* OverflowError */
  WF_BIGINT_EXC_FLOAT_POW, /* no exception: compute a float power instead */
} wf_bigint_exc;

wf_bigint_exc wf_bigint_error_kind(int status);
/* python3.11's message; static storage. Parameterised messages are printf
 * formats: EINVALID_LITERAL "invalid literal for int() with base %d: %s"
 * (the caller supplies the repr of the original string), ESTR_LIMIT_TO_STR
 * "%d" (the limit), ESTR_LIMIT_TO_INT "%d" then "%zu" (limit, digits). */
const char *wf_bigint_error_message(int status);
/* Formats the complete message into buf (always NUL-terminated when
 * cap > 0). num1 = base or limit, num2 = digit count, repr = literal repr.
 * Returns the length snprintf would have written. */
int wf_bigint_format_error(char *buf, size_t cap, int status, long num1, size_t num2, const char *repr);

/* ---- temporary memory (bigint_alloc.c) --------------------------------- */
void *wf_bigint_tmp_alloc(size_t nbytes);
void wf_bigint_tmp_free(void *p);

/* ---- magnitudes ------------------------------------------------------ */
/* -1, 0, 1 as a <, ==, > b. */
int wf_bigint_cmp(const uint32_t *a, size_t na, const uint32_t *b, size_t nb);
/* r = a + b; r needs max(na, nb) + 1 digits; r may alias a or b. */
size_t wf_bigint_add(uint32_t *r, const uint32_t *a, size_t na, const uint32_t *b, size_t nb);
/* r = a - b, requires a >= b; r needs na digits; r may alias a or b. */
size_t wf_bigint_sub(uint32_t *r, const uint32_t *a, size_t na, const uint32_t *b, size_t nb);
/* r = a * b; r needs na + nb digits (all written); no overlap.
 * Schoolbook below WF_BIGINT_KARATSUBA_THRESHOLD digits, Karatsuba above;
 * a == b (same pointer and length) takes the squaring path. */
int wf_bigint_mul(uint32_t *r, size_t *nr, const uint32_t *a, size_t na, const uint32_t *b, size_t nb);
/* r = a * a; r needs 2 * na digits. */
int wf_bigint_sqr(uint32_t *r, size_t *nr, const uint32_t *a, size_t na);
/* q = a / d, returns a % d; 0 < d < 2**30; q needs na digits (may alias a);
 * *nq gets the normalised quotient length. */
uint32_t wf_bigint_divrem1(uint32_t *q, size_t *nq, const uint32_t *a, size_t na, uint32_t d);
/* q = a / b, r = a % b for nb > 0 (EZERODIV otherwise). q needs
 * na - nb + 1 digits (1 when na < nb), r needs nb digits; either may be NULL.
 * Knuth's algorithm D; Burnikel-Ziegler recursive division above
 * WF_BIGINT_BZ_THRESHOLD divisor digits. */
int wf_bigint_divrem(uint32_t *q, size_t *nq, uint32_t *r, size_t *nr, const uint32_t *a, size_t na, const uint32_t *b,
                     size_t nb);
/* r = a << bits; r needs na + bits / 30 + 1 digits; r may alias a. */
size_t wf_bigint_lshift(uint32_t *r, const uint32_t *a, size_t na, uint64_t bits);
/* r = a >> bits; r needs max(na - bits / 30, 1) digits; r may alias a. */
size_t wf_bigint_rshift(uint32_t *r, const uint32_t *a, size_t na, uint64_t bits);
/* Number of bits of |a| (int.bit_length) and of set bits (int.bit_count). */
uint64_t wf_bigint_bit_length(const uint32_t *a, size_t na);
uint64_t wf_bigint_bit_count(const uint32_t *a, size_t na);

/* Longest result any function will produce (a 4 TiB integer): longer
 * shifts and powers give ENOMEM, which the int type raises as MemoryError,
 * as CPython does when such an allocation fails. */
#define WF_BIGINT_MAX_DIGITS ((size_t)1 << 40)

#define WF_BIGINT_KARATSUBA_THRESHOLD 40
#define WF_BIGINT_BZ_THRESHOLD 80

/* ---- signed values, Python semantics ---------------------------------- */
/* Notation: n(x) = |sx|. Results: r buffer + *sr signed size. */

/* r = a + b, a - b: r needs max(n(a), n(b)) + 1 digits; r may alias a or b. */
void wf_bigint_sadd(uint32_t *r, ptrdiff_t *sr, const uint32_t *a, ptrdiff_t sa, const uint32_t *b, ptrdiff_t sb);
void wf_bigint_ssub(uint32_t *r, ptrdiff_t *sr, const uint32_t *a, ptrdiff_t sa, const uint32_t *b, ptrdiff_t sb);
/* r = a * b: r needs n(a) + n(b) digits. */
int wf_bigint_smul(uint32_t *r, ptrdiff_t *sr, const uint32_t *a, ptrdiff_t sa, const uint32_t *b, ptrdiff_t sb);
/* Python's divmod: q = a // b (floor), m = a % b (sign of b).
 * q needs n(a) - n(b) + 2 digits (at least 2), m needs n(b) digits; either
 * may be NULL. Errors: EZERODIV (for //, divmod); the int type reports
 * a % 0 with EZERODIV_MOD's text. */
int wf_bigint_sdivmod(uint32_t *q, ptrdiff_t *sq, uint32_t *m, ptrdiff_t *sm, const uint32_t *a, ptrdiff_t sa,
                      const uint32_t *b, ptrdiff_t sb);
/* Digits needed for a ** e (e >= 0); SIZE_MAX if it cannot be represented. */
size_t wf_bigint_spow_size(const uint32_t *a, ptrdiff_t sa, const uint32_t *e, ptrdiff_t se);
/* r = a ** e. e < 0 gives ENEG_POW (Python computes a float power).
 * r needs wf_bigint_spow_size() digits. Left-to-right binary powering,
 * sliding window for long exponents. */
int wf_bigint_spow(uint32_t *r, ptrdiff_t *sr, const uint32_t *a, ptrdiff_t sa, const uint32_t *e, ptrdiff_t se);
/* r = pow(a, e, m) with Python's semantics (negative e: modular inverse;
 * result has the sign of m). r needs n(m) digits. Errors: EPOW_MOD_ZERO,
 * ENOT_INVERTIBLE. */
int wf_bigint_spowmod(uint32_t *r, ptrdiff_t *sr, const uint32_t *a, ptrdiff_t sa, const uint32_t *e, ptrdiff_t se,
                      const uint32_t *m, ptrdiff_t sm);
/* Bitwise operations with infinite two's complement semantics.
 * r needs max(n(a), n(b)) + 1 digits; r may alias a or b. */
void wf_bigint_sand(uint32_t *r, ptrdiff_t *sr, const uint32_t *a, ptrdiff_t sa, const uint32_t *b, ptrdiff_t sb);
void wf_bigint_sor(uint32_t *r, ptrdiff_t *sr, const uint32_t *a, ptrdiff_t sa, const uint32_t *b, ptrdiff_t sb);
void wf_bigint_sxor(uint32_t *r, ptrdiff_t *sr, const uint32_t *a, ptrdiff_t sa, const uint32_t *b, ptrdiff_t sb);
/* r = ~a = -(a + 1); r needs n(a) + 1 digits; r may alias a. */
void wf_bigint_sinvert(uint32_t *r, ptrdiff_t *sr, const uint32_t *a, ptrdiff_t sa);
/* r = a << count, a >> count (floor). count < 0: ENEG_SHIFT. lshift: r needs
 * n(a) + count / 30 + 1 digits (ENOMEM if that overflows); rshift: r needs
 * n(a) + 1 digits. r may alias a. */
int wf_bigint_slshift(uint32_t *r, ptrdiff_t *sr, const uint32_t *a, ptrdiff_t sa, int64_t count);
int wf_bigint_srshift(uint32_t *r, ptrdiff_t *sr, const uint32_t *a, ptrdiff_t sa, int64_t count);
/* r = gcd(|a|, |b|) (math.gcd); r needs max(n(a), n(b)) digits. */
int wf_bigint_gcd(uint32_t *r, size_t *nr, const uint32_t *a, ptrdiff_t sa, const uint32_t *b, ptrdiff_t sb);

/* ---- conversions ----------------------------------------------------- */
/* Characters needed (including a '-' sign, excluding a NUL) to print a in
 * base 2..36 (an upper bound). */
size_t wf_bigint_to_str_size(const uint32_t *a, ptrdiff_t sa, int base);
/* Writes a in base 2..36 (lowercase letters, '-' for negatives, no prefix,
 * no NUL) into out, *nout = length. max_str_digits (0: no limit) applies to
 * bases that are not powers of two, as CPython 3.11's str(): ESTR_LIMIT_TO_STR.
 * Divide-and-conquer above a few hundred digits. */
int wf_bigint_to_str(char *out, size_t *nout, const uint32_t *a, ptrdiff_t sa, int base, size_t max_str_digits);
/* Digits needed to hold int(s, base) for a string of len chars. */
size_t wf_bigint_from_str_size(size_t len, int base);
/* int(s, base) with Python's rules: base 0 (prefix 0b/0o/0x, otherwise
 * decimal without leading zeros) or 2..36; optional prefix matching base
 * 2/8/16; surrounding ASCII whitespace; '+'/'-' sign; single underscores
 * between digits. The caller maps non-ASCII digits/spaces to ASCII first
 * (as CPython does). Errors: EBAD_BASE, EINVALID_LITERAL, ESTR_LIMIT_TO_INT
 * (*ndigits = the digit count, for the message; may be NULL). */
int wf_bigint_from_str(uint32_t *r, ptrdiff_t *sr, const char *s, size_t len, int base, size_t max_str_digits,
                       size_t *ndigits);
/* int.to_bytes(length, order, signed=is_signed): EBYTES_OVERFLOW,
 * ENEG_UNSIGNED. */
int wf_bigint_to_bytes(uint8_t *out, size_t len, const uint32_t *a, ptrdiff_t sa, int little_endian, int is_signed);
/* int.from_bytes; r needs wf_bigint_from_bytes_size(len) digits. */
size_t wf_bigint_from_bytes_size(size_t len);
void wf_bigint_from_bytes(uint32_t *r, ptrdiff_t *sr, const uint8_t *in, size_t len, int little_endian, int is_signed);
/* C integers: r needs 3 digits. */
void wf_bigint_from_int64(uint32_t *r, ptrdiff_t *sr, int64_t v);
void wf_bigint_from_uint64(uint32_t *r, ptrdiff_t *sr, uint64_t v);
int wf_bigint_to_int64(int64_t *out, const uint32_t *a, ptrdiff_t sa);   /* ELONG_OVERFLOW */
int wf_bigint_to_uint64(uint64_t *out, const uint32_t *a, ptrdiff_t sa); /* ENEG_ULONG, EULONG_OVERFLOW */
/* float(a), correctly rounded (half to even): EFLOAT_OVERFLOW. */
int wf_bigint_to_double(double *out, const uint32_t *a, ptrdiff_t sa);
/* int(x) for a finite double (truncates): r needs wf_bigint_from_double_size(x)
 * digits. EFLOAT_INF, EFLOAT_NAN. */
size_t wf_bigint_from_double_size(double x);
int wf_bigint_from_double(uint32_t *r, ptrdiff_t *sr, double x);
/* a / b correctly rounded as Python's int true division:
 * EZERODIV_TRUE, ETRUEDIV_OVERFLOW. */
int wf_bigint_truediv(double *out, const uint32_t *a, ptrdiff_t sa, const uint32_t *b, ptrdiff_t sb);

#ifdef __cplusplus
}
#endif
#endif /* WF_BIGINT_H */
