/* wf_unicode.h — the Unicode character database of Python 3.11 (Unicode 14.0.0).
 *
 * Pure C over uint32_t code points (0..0x10FFFF; larger values behave like an
 * unassigned code point). All tables are const and generated from python3.11's
 * unicodedata and str methods by tools/gen_unicode.py, so every answer equals
 * python3.11's: properties as unicodedata reports them, predicates as the
 * one-character str methods answer them. Thread-safe; no allocation except in
 * the *_alloc normalization entry point.
 *
 * Lookups are two table loads: cp -> record index (two-level trie) -> record.
 */
#ifndef WF_UNICODE_H
#define WF_UNICODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define WF_UC_VERSION "14.0.0"
#define WF_UC_MAX 0x10FFFFu

/* ---- general category (unicodedata.category) ---- */
typedef enum {
    WF_UC_Cn = 0, WF_UC_Lu, WF_UC_Ll, WF_UC_Lt, WF_UC_Lm, WF_UC_Lo,
    WF_UC_Mn, WF_UC_Mc, WF_UC_Me, WF_UC_Nd, WF_UC_Nl, WF_UC_No,
    WF_UC_Pc, WF_UC_Pd, WF_UC_Ps, WF_UC_Pe, WF_UC_Pi, WF_UC_Pf, WF_UC_Po,
    WF_UC_Sm, WF_UC_Sc, WF_UC_Sk, WF_UC_So, WF_UC_Zs, WF_UC_Zl, WF_UC_Zp,
    WF_UC_Cc, WF_UC_Cf, WF_UC_Cs, WF_UC_Co,
    WF_UC_CATEGORY_COUNT
} wf_uc_category_t;

wf_uc_category_t wf_uc_category(uint32_t cp);
const char *wf_uc_category_name(uint32_t cp);          /* "Lu", ... */
const char *wf_uc_category_str(wf_uc_category_t cat);  /* enum -> "Lu" */

/* ---- other unicodedata properties ---- */
/* Bidirectional class: index into WF_UC_BIDI_NAMES order ("" = none). */
int wf_uc_bidi_class(uint32_t cp);
const char *wf_uc_bidirectional(uint32_t cp);          /* "L", "AL", ... or "" */
int wf_uc_combining(uint32_t cp);                      /* canonical combining class */
const char *wf_uc_east_asian_width(uint32_t cp);       /* "N","Na","A","W","H","F" */
bool wf_uc_mirrored(uint32_t cp);
int wf_uc_decimal(uint32_t cp);                        /* 0..9, or -1 */
int wf_uc_digit(uint32_t cp);                          /* 0..9, or -1 */
/* unicodedata.numeric: returns false if cp has no numeric value. */
bool wf_uc_numeric(uint32_t cp, double *value);
/* repr(unicodedata.numeric(cp)) exactly as Python prints it ("0.5",
 * "1e+16", "0.3333333333333333"), or NULL. */
const char *wf_uc_numeric_repr(uint32_t cp);

/* ---- decomposition (unicodedata.decomposition) ---- */
#define WF_UC_DECOMP_MAX 18
typedef enum {
    WF_UC_DT_CANONICAL = 0, WF_UC_DT_CIRCLE, WF_UC_DT_COMPAT, WF_UC_DT_FINAL,
    WF_UC_DT_FONT, WF_UC_DT_FRACTION, WF_UC_DT_INITIAL, WF_UC_DT_ISOLATED,
    WF_UC_DT_MEDIAL, WF_UC_DT_NARROW, WF_UC_DT_NOBREAK, WF_UC_DT_SMALL,
    WF_UC_DT_SQUARE, WF_UC_DT_SUB, WF_UC_DT_SUPER, WF_UC_DT_VERTICAL, WF_UC_DT_WIDE
} wf_uc_decomp_tag_t;
/* The one-level mapping of UnicodeData.txt (Hangul syllables have none, as in
 * unicodedata). Returns the number of code points written to out (0 = none);
 * *tag receives the tag (may be NULL). */
int wf_uc_decomposition(uint32_t cp, int *tag, uint32_t out[WF_UC_DECOMP_MAX]);
/* unicodedata.decomposition(chr(cp)) as text ("<compat> 0020 0308"); writes
 * at most size bytes including the NUL and returns the full length. 128 bytes
 * always suffice. */
size_t wf_uc_decomposition_str(uint32_t cp, char *buf, size_t size);

/* ---- str predicates, exactly str.isX() of the one-character string ---- */
bool wf_uc_isalpha(uint32_t cp);
bool wf_uc_isdecimal(uint32_t cp);
bool wf_uc_isdigit(uint32_t cp);
bool wf_uc_isnumeric(uint32_t cp);
bool wf_uc_isalnum(uint32_t cp);      /* alpha || decimal || digit || numeric */
bool wf_uc_isspace_db_(uint32_t cp);
/* ASCII inline (split and strip test every character): \t..\r, \x1c..\x1f, ' '. */
static inline bool wf_uc_isspace(uint32_t cp) {
  if (cp < 128) return cp == ' ' || (cp - 9u) <= 4u || (cp - 28u) <= 3u;
  return wf_uc_isspace_db_(cp);
}
bool wf_uc_isprintable(uint32_t cp);  /* str.isprintable / repr() escaping */
bool wf_uc_islinebreak(uint32_t cp);  /* str.splitlines boundaries */
/* Per-character case flags as str.islower/isupper/istitle combine them:
 * s.islower() is "no char is upper or title, and some char is lower", etc. */
bool wf_uc_islower(uint32_t cp);
bool wf_uc_isupper(uint32_t cp);
bool wf_uc_istitle(uint32_t cp);      /* titlecase letter (Lt-like); s.istitle uses upper||title */
bool wf_uc_iscased(uint32_t cp);      /* Cased: used by str.title and the final sigma rule */
bool wf_uc_iscase_ignorable(uint32_t cp);
/* Identifier characters as str.isidentifier uses them: a valid identifier is
 * (xid_start(c0) || c0 == '_') followed by xid_continue characters. */
bool wf_uc_isxid_start(uint32_t cp);
bool wf_uc_isxid_continue(uint32_t cp);

/* ---- full case mappings (SpecialCasing included): write 1..3 code points
 * to out and return the count. lower/title/upper are context-free except for
 * U+03A3 (capital sigma), whose lower mapping depends on context: str.lower,
 * str.title, str.capitalize and str.swapcase use wf_uc_final_sigma. ---- */
#define WF_UC_CASE_MAX 3
int wf_uc_to_lower(uint32_t cp, uint32_t out[WF_UC_CASE_MAX]);
int wf_uc_to_upper(uint32_t cp, uint32_t out[WF_UC_CASE_MAX]);
int wf_uc_to_title(uint32_t cp, uint32_t out[WF_UC_CASE_MAX]);
int wf_uc_to_fold(uint32_t cp, uint32_t out[WF_UC_CASE_MAX]);  /* str.casefold */
/* Final sigma rule for the capital sigma at index i of a PEP 393 buffer of
 * `kind` (1, 2 or 4 bytes per code point) and length n: true if it lowers to
 * U+03C2 (final), false if to U+03C3. */
bool wf_uc_final_sigma(const void *data, int kind, size_t n, size_t i);
/* Lower mapping of s[i] with the sigma rule applied (what str.lower does). */
int wf_uc_to_lower_at(const void *data, int kind, size_t n, size_t i, uint32_t out[WF_UC_CASE_MAX]);

/* ---- normalization (unicodedata.normalize / is_normalized) ---- */
typedef enum { WF_UC_NFC = 0, WF_UC_NFD, WF_UC_NFKC, WF_UC_NFKD } wf_uc_form_t;
/* Normalize in[0..n) into out[0..cap). Returns the result length if it is
 * <= cap; otherwise returns a capacity that suffices (> cap) and the contents
 * of out are unspecified: call again with that capacity. in and out must not
 * overlap. */
size_t wf_uc_normalize(wf_uc_form_t form, const uint32_t *in, size_t n, uint32_t *out, size_t cap);
/* Same into a malloc'd array (free() it); NULL if out of memory. */
uint32_t *wf_uc_normalize_alloc(wf_uc_form_t form, const uint32_t *in, size_t n, size_t *out_len);
/* 1 if normalized, 0 if not, -1 if out of memory. */
int wf_uc_is_normalized(wf_uc_form_t form, const uint32_t *in, size_t n);

/* ---- names (unicodedata.name / lookup, \N{...}) ---- */
#define WF_UC_NAME_MAX 128  /* longest name is 88 bytes; buffers of this size suffice */
/* Writes the NUL-terminated name of cp (truncated to size) and returns its
 * length, or 0 if cp has no name (unicodedata.name raises). Hangul syllables
 * and CJK unified ideographs are named algorithmically as in CPython. */
size_t wf_uc_name(uint32_t cp, char *buf, size_t size);
/* Code point of a name (case-insensitive, as unicodedata.lookup and \N{}),
 * also accepting formal name aliases; -1 if unknown. */
int32_t wf_uc_lookup(const char *name, size_t len);
/* unicodedata.lookup also accepts named sequences (not \N{...}): if name
 * (case-insensitive) is one, writes its 2..4 code points and returns the
 * count; else 0. */
#define WF_UC_NAMED_SEQ_MAX 4
int wf_uc_lookup_named_sequence(const char *name, size_t len, uint32_t out[WF_UC_NAMED_SEQ_MAX]);

#ifdef __cplusplus
}
#endif
/* UTF-8 bytes of one code point into out (1..4 bytes); returns the count. */
size_t wf_uc_utf8_encode(uint32_t c, char out[4]);

#endif /* WF_UNICODE_H */
