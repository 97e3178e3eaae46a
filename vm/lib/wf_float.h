/* wf_float.h — pure C float <-> text conversion for Weft's float type.
 *
 * No heap objects, no Python objects, no locale, no mutable global state:
 * every function is reentrant and safe to call from any thread.  All
 * output is exactly what CPython 3.11 prints (checked against
 * /usr/bin/python3.11 by tests/unit/float/).
 *
 * Output buffers follow snprintf conventions: functions return the full
 * length of the result (excluding the NUL), write at most cap bytes and
 * NUL-terminate when cap > length.  Call with cap == 0 to size a buffer.
 *
 * Sources: float_bignum.c (exact arithmetic), float_dtoa.c (digits,
 * repr, PyOS_double_to_string-like formatting, round), float_strtod.c
 * (decimal parsing, hex in/out), float_fmtspec.c (format mini-language
 * and padding, shared with int/str), float_format.c (float.__format__).
 */
#ifndef WF_FLOAT_H
#define WF_FLOAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------- results */
enum {
  WF_FLOAT_OK = 0,
  WF_FLOAT_OVERFLOW = 1, /* value is +-inf; float() accepts it, round()/
                            fromhex() raise OverflowError */
  WF_FLOAT_INVALID = -1, /* syntax error: ValueError */
};

/* ------------------------------------------------------------------ repr */
/* Longest repr: "-2.2250738585072014e-308" (24 chars). */
#define WF_FLOAT_REPR_MAX 32

/* repr(x) / str(x) exactly as Python 3.11. */
size_t wf_float_repr(double x, char *buf, size_t cap);

/* Shortest round-trip digits of |x| (x finite, non-zero): writes 1..17
   ASCII digits (no trailing zeros, no NUL) and returns their count;
   |x| == 0.d1d2...dn * 10***decpt.  Ties pick the nearer, then even. */
int wf_float_shortest(double x, char digits[17], int *decpt);

/* Correctly rounded (half-even on the exact binary value) decimal digits
   of |x| (x finite).  mode 'e': ndigits significant digits (>= 1);
   mode 'f': digits down to the 10**-ndigits place (ndigits may be < 0).
   Trailing zeros are stripped; returns the digit count (0 when the value
   rounds to zero) and |x| ~= 0.d1d2...dn * 10***decpt.  At most
   WF_FLOAT_DIGITS_MAX digits are written. */
#define WF_FLOAT_DIGITS_MAX 800
int wf_float_digits(double x, char mode, int64_t ndigits,
                    char digits[WF_FLOAT_DIGITS_MAX], int *decpt);

/* --------------------------------------------- PyOS_double_to_string-ish */
#define WF_DTSF_SIGN 0x01      /* always print a sign ('+' for positive) */
#define WF_DTSF_ADD_DOT_0 0x02 /* "1.0" not "1" when no exponent */
#define WF_DTSF_ALT 0x04       /* '#': keep point / trailing zeros */
#define WF_DTSF_NO_NEG_0 0x08  /* 'z': "-0.00" prints as "0.00" */
#define WF_DTSF_SPACE 0x10     /* ' ' sign for non-negative values */

/* Format x with code 'e','E','f','F','g','G' (precision >= 0; 'g' with 0
   means 1) or 'r' (repr-style shortest digits; precision ignored).  This
   is the digit part of '%'-formatting, format() and str(); uppercase
   codes print "E", "INF", "NAN".  The sign is included ('-' for negative
   values, except -0 under NO_NEG_0 once rounded to zero). */
size_t wf_float_to_string(double x, char code, int64_t precision,
                          unsigned flags, char *buf, size_t cap);

/* ---------------------------------------------------------------- parse */
#define WF_FLOAT_PARSE_UNDERSCORES 0x01 /* PEP 515 '_' between digits */
#define WF_FLOAT_PARSE_SPECIALS 0x02    /* inf, infinity, nan (any case) */
#define WF_FLOAT_PARSE_SPACE 0x04       /* skip ASCII whitespace around */
#define WF_FLOAT_PARSE_PYTHON                                               \
  (WF_FLOAT_PARSE_UNDERSCORES | WF_FLOAT_PARSE_SPECIALS | WF_FLOAT_PARSE_SPACE)

/* Correctly rounded decimal -> double (round-half-even), the syntax of
   Python's float() (with WF_FLOAT_PARSE_PYTHON) or of a literal's body:
     [sign] (digits ['.' [digits]] | '.' digits) [(e|E) [sign] digits]
   Non-ASCII digits and Unicode whitespace are the caller's business.
   consumed == NULL: the whole string must match.  Otherwise the longest
   valid prefix is parsed and its length stored (0 when none; then
   WF_FLOAT_INVALID).  Returns WF_FLOAT_OK, WF_FLOAT_OVERFLOW (*out is
   +-inf: Python's float('1e500') is inf, not an error) or
   WF_FLOAT_INVALID.  '-nan' gives a NaN with the sign bit set, as
   CPython does. */
int wf_float_parse(const char *s, size_t n, unsigned flags, double *out,
                   size_t *consumed);

/* ------------------------------------------------------------------ hex */
/* float.hex(): "0x1.8000000000000p+1", "-0x0.0p+0", "inf", "nan". */
#define WF_FLOAT_HEX_MAX 32
size_t wf_float_hex(double x, char *buf, size_t cap);

/* float.fromhex(s) (ASCII whitespace around allowed).  Returns WF_FLOAT_OK,
   WF_FLOAT_INVALID ("invalid hexadecimal floating-point string") or
   WF_FLOAT_OVERFLOW ("hexadecimal value too large to represent as a
   float"; *out is +-inf). */
int wf_float_fromhex(const char *s, size_t n, double *out);

/* ---------------------------------------------------------------- round */
/* round(x, ndigits), correctly rounded through the exact decimal value
   (half-even).  Returns WF_FLOAT_OK or WF_FLOAT_OVERFLOW ("rounded value
   too large to represent"). */
int wf_float_round(double x, int64_t ndigits, double *out);

/* ------------------------------------------------- format mini-language */
enum {
  WF_FMT_OK = 0,
  WF_FMT_ERR_INVALID,          /* Invalid format specifier '%s' for object
                                  of type '%s' */
  WF_FMT_ERR_TOO_MANY_DIGITS,  /* Too many decimal digits in format string */
  WF_FMT_ERR_MISSING_PRECISION,/* Format specifier missing precision */
  WF_FMT_ERR_GROUPING_BOTH,    /* Cannot specify both ',' and '_'. */
  WF_FMT_ERR_GROUPING_TYPE,    /* Cannot specify ',' with 's'. (also
                                  ',,' -> "Cannot specify ',' with ','.") */
  WF_FMT_ERR_UNKNOWN_CODE,     /* Unknown format code 'x' for object of
                                  type '%s' */
  WF_FMT_ERR_SIGN,             /* Sign not allowed in %s format specifier */
  WF_FMT_ERR_ALTERNATE,        /* Alternate form (#) not allowed in %s
                                  format specifier */
  WF_FMT_ERR_EQ_ALIGN,         /* '=' alignment not allowed in %s format
                                  specifier */
  WF_FMT_ERR_NO_NEG_0,         /* Negative zero coercion (z) not allowed in
                                  %s format specifier */
  WF_FMT_ERR_PRECISION,        /* Precision not allowed in %s format
                                  specifier */
  WF_FMT_ERR_ZERO_PAD,         /* Zero padding is not allowed in %s format
                                  specifier */
  WF_FMT_ERR_PRECISION_TOO_BIG,/* precision too big (float, > INT_MAX) */
  WF_FMT_ERR_NO_MEMORY,        /* malloc failed (caller: MemoryError) */
};

typedef struct wf_format_spec {
  uint32_t fill;         /* code point, ' ' by default */
  uint32_t type;         /* code point; the caller's default if absent */
  int64_t width;         /* -1 when absent */
  int64_t precision;     /* -1 when absent */
  char align;            /* '<' '>' '=' '^' (the default when absent) */
  char sign;             /* '+' '-' ' ' or 0 when absent */
  char grouping;         /* ',' '_' or 0 */
  bool fill_specified, align_specified;
  bool alternate;        /* '#' */
  bool no_neg_0;         /* 'z' */
} wf_format_spec;

/* Parse a format spec (UTF-8, n bytes) as Python 3.11's mini-language:
     [[fill]align][sign][z][#][0][width][grouping][.precision][type]
   default_type is the type used when absent (0 for float/complex, 'd' for
   int, 's' for str); default_align is '>' for numbers, '<' for str.
   Also checks the grouping/type combination (PEP 378/515).  Returns
   WF_FMT_OK or an error code; see wf_format_error_text for messages. */
int wf_format_spec_parse(const char *spec, size_t n, uint32_t default_type,
                         char default_align, wf_format_spec *out);

/* ValueError text for err.  spec/spec_n: the spec as given; type_name:
   Python type name ("float"); what: "string", "integer", ... for the
   *_ERR_SIGN..ZERO_PAD messages.  snprintf conventions. */
size_t wf_format_error_text(int err, const wf_format_spec *fs,
                            const char *spec, size_t spec_n,
                            const char *type_name, const char *what,
                            char *buf, size_t cap);

/* A number split for padding.  Output layout, left to right:
     [pad] sign prefix [zero pad] grouped(int_digits) rest [pad]
   prefix: e.g. "0x" (after the sign, before '=' padding); int_digits: the
   ASCII digits that get ',' / '_' grouping every group_size digits;
   rest: everything after them (".5e+10", "%", "inf"), UTF-8. */
typedef struct wf_format_number {
  bool negative;
  const char *prefix; size_t prefix_len;
  const char *int_digits; size_t int_len;
  const char *rest; size_t rest_len;
  int group_size; /* 3 for decimal, 4 for b/o/x with '_' */
} wf_format_number;

/* Apply sign, grouping, fill/align and width.  snprintf conventions. */
size_t wf_format_pad_number(const wf_format_spec *fs,
                            const wf_format_number *num, char *buf,
                            size_t cap);

/* Apply fill/align/width to text (UTF-8, len bytes, ncp code points),
   e.g. for str.__format__ (precision truncation is the caller's). */
size_t wf_format_pad_text(const wf_format_spec *fs, const char *text,
                          size_t len, size_t ncp, char *buf, size_t cap);

/* float.__format__(spec) after wf_format_spec_parse(spec, n, 0, '>', fs):
   checks the type (WF_FMT_ERR_UNKNOWN_CODE, message type name "float"),
   then formats, pads and groups.  Returns WF_FMT_OK with *len set (the
   full length; the output is complete iff *len < cap) or an error. */
int wf_float_format(double x, const wf_format_spec *fs, char *buf, size_t cap,
                    size_t *len);

#ifdef __cplusplus
}
#endif
#endif /* WF_FLOAT_H */
