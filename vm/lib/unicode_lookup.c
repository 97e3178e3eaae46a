/* unicode_lookup.c — character names: unicodedata.name and lookup.
 *
 * Three sources, tried in this order:
 *   - Hangul syllables U+AC00..U+D7A3: "HANGUL SYLLABLE " + the jamo short
 *     names of L, V and T (Unicode 3.12);
 *   - CJK unified ideographs (wf_uc_cjk_ranges): "CJK UNIFIED IDEOGRAPH-%X";
 *   - the compressed name blob of unicode_names.c (format in
 *     tools/gen_unicode.py): names in code-point order, 32 per block, each a
 *     token string ending in END. cp -> name walks at most 31 names of one
 *     block; name -> cp scans every stored name, comparing token by token and
 *     giving up at the first differing word (about 35k names, well under a
 *     millisecond).
 *   - lookup also accepts formal name aliases (a sorted table); named
 *     sequences have their own entry point (sorted table, binary search).
 * Lookup is case-insensitive in ASCII except for the algorithmic names
 * (exactly as CPython's: 'CJK UNIFIED IDEOGRAPH-' takes 4 or 5 upper-case
 * hex digits).
 */
#include <stdio.h>
#include <string.h>

#include "unicode_tables.h"
#include "wf_unicode.h"

#define SBASE 0xAC00u
#define SCOUNT 11172u
#define NCOUNT 588u
#define TCOUNT 28u

static const char *const jamo_l[19] = {"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S",
                                       "SS", "", "J", "JJ", "C", "K", "T", "P", "H"};
static const char *const jamo_v[21] = {"A", "AE", "YA", "YAE", "EO", "E", "YEO",
                                       "YE", "O", "WA", "WAE", "OE", "YO", "U",
                                       "WEO", "WE", "WI", "YU", "EU", "YI", "I"};
static const char *const jamo_t[28] = {"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG",
                                       "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S",
                                       "SS", "NG", "J", "C", "K", "T", "P", "H"};

enum { TOK_END = 0, TOK_HYPHEN = 1, TOK_HEXCP = 2, BASE = 90 };

/* symbol index of a blob character (the alphabet is '!'..'~' without '"',
 * '?' and '\\'); trailing symbols of a token are 1..90, read as digit - 1 */
static inline int sym(char ch)
{
    int i = ch - 0x21;
    if (ch > '"')
        i--;
    if (ch > '?')
        i--;
    if (ch > '\\')
        i--;
    return i;
}

/* Read one token at *pp: returns TOK_* (<3) or 3 + word index. */
static long next_token(const char **pp)
{
    const char *p = *pp;
    int s0 = sym(*p++);
    long tok;
    int S = wf_uc_name_single, T = wf_uc_name_double;
    if (s0 < 3 + S) {
        tok = s0;
    } else if (s0 < 3 + S + T) {
        tok = 3 + S + (long)(s0 - 3 - S) * BASE + (sym(*p++) - 1);
    } else {
        long w = S + (long)T * BASE + (long)(s0 - 3 - S - T) * BASE * BASE;
        w += (long)(sym(p[0]) - 1) * BASE + (sym(p[1]) - 1);
        p += 2;
        tok = 3 + w;
    }
    *pp = p;
    return tok;
}

/* Skip past the END of the name starting at p. */
static inline const char *skip_name(const char *p) { return strchr(p, wf_uc_name_alphabet[TOK_END]) + 1; }

static bool is_cjk(uint32_t cp)
{
    for (size_t i = 0; i < wf_uc_cjk_range_count; i++)
        if (cp >= wf_uc_cjk_ranges[2 * i] && cp <= wf_uc_cjk_ranges[2 * i + 1])
            return true;
    return false;
}

static size_t put(char *buf, size_t size, size_t len, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++, len++)
        if (len + 1 < size)
            buf[len] = s[i];
    return len;
}

static size_t finish(char *buf, size_t size, size_t len)
{
    if (size)
        buf[len < size ? len : size - 1] = '\0';
    return len;
}

/* Skip to the start of the stored name of cp; NULL if cp has none. */
static const char *stored_name(uint32_t cp)
{
    unsigned b = wf_uc_name_block_id(cp);
    if (b == 0)
        return NULL;
    const char *p = wf_uc_name_blob + wf_uc_name_block_offsets[b];
    for (unsigned k = cp & 31; k > 0; k--)
        p = skip_name(p);
    return sym(*p) == TOK_END ? NULL : p;
}

size_t wf_uc_name(uint32_t cp, char *buf, size_t size)
{
    size_t len = 0;
    if (cp - SBASE < SCOUNT) {
        uint32_t s = cp - SBASE;
        const char *parts[3] = {jamo_l[s / NCOUNT], jamo_v[(s % NCOUNT) / TCOUNT], jamo_t[s % TCOUNT]};
        len = put(buf, size, 0, "HANGUL SYLLABLE ", 16);
        for (int i = 0; i < 3; i++)
            len = put(buf, size, len, parts[i], strlen(parts[i]));
        return finish(buf, size, len);
    }
    if (is_cjk(cp)) {
        char tmp[40];
        int n = snprintf(tmp, sizeof tmp, "CJK UNIFIED IDEOGRAPH-%X", (unsigned)cp);
        return finish(buf, size, put(buf, size, 0, tmp, (size_t)n));
    }
    const char *p = stored_name(cp);
    if (!p) {
        if (size)
            buf[0] = '\0';
        return 0;
    }
    bool first = true, hyphen = false;
    for (;;) {
        long t = next_token(&p);
        if (t == TOK_END)
            break;
        if (t == TOK_HYPHEN) {
            hyphen = true;
            continue;
        }
        if (!first)
            len = put(buf, size, len, hyphen ? "-" : " ", 1);
        first = hyphen = false;
        if (t == TOK_HEXCP) {
            char tmp[12];
            int n = snprintf(tmp, sizeof tmp, "%04X", (unsigned)cp);
            len = put(buf, size, len, tmp, (size_t)n);
        } else {
            size_t w = (size_t)(t - 3);
            uint16_t a = wf_uc_name_lexicon_offsets[w], b = wf_uc_name_lexicon_offsets[w + 1];
            len = put(buf, size, len, wf_uc_name_lexicon + a, (size_t)(b - a));
        }
    }
    return finish(buf, size, len);
}

/* Compare the stored name at *pp (of code point cp) with q[0..n); always
 * leaves *pp after the name's END token (found by strchr at the first
 * difference: the END symbol never occurs inside a token). */
static bool match_stored(const char **pp, uint32_t cp, const char *q, size_t n)
{
    const char *p = *pp;
    size_t pos = 0;
    bool first = true, hyphen = false, ok = true;
    for (;;) {
        long t = next_token(&p);
        if (t == TOK_END)
            break;
        if (t == TOK_HYPHEN) {
            hyphen = true;
            continue;
        }
        if (!first) {
            if (pos >= n || q[pos] != (hyphen ? '-' : ' ')) {
                p = skip_name(p);
                ok = false;
                break;
            }
            pos++;
        }
        first = hyphen = false;
        const char *w;
        size_t wl;
        char tmp[12];
        if (t == TOK_HEXCP) {
            wl = (size_t)snprintf(tmp, sizeof tmp, "%04X", (unsigned)cp);
            w = tmp;
        } else {
            size_t i = (size_t)(t - 3);
            w = wf_uc_name_lexicon + wf_uc_name_lexicon_offsets[i];
            wl = (size_t)(wf_uc_name_lexicon_offsets[i + 1] - wf_uc_name_lexicon_offsets[i]);
        }
        if (n - pos < wl || memcmp(q + pos, w, wl) != 0) {
            p = skip_name(p);
            ok = false;
            break;
        }
        pos += wl;
    }
    *pp = p;
    return ok && !first && pos == n;
}

int32_t wf_uc_lookup(const char *name, size_t len)
{
    char q[WF_UC_NAME_MAX + 1];
    if (len == 0 || len > WF_UC_NAME_MAX)
        return -1;
    for (size_t i = 0; i < len; i++) {
        char c = name[i];
        if (c == '\0')
            return -1;
        q[i] = (c >= 'a' && c <= 'z') ? (char)(c - 32) : c;
    }
    q[len] = '\0';
    /* Algorithmic names match in upper case only (as CPython's). */
    if (len > 16 && memcmp(name, "HANGUL SYLLABLE ", 16) == 0) {
        const char *r = name + 16;
        size_t rn = len - 16;
        for (uint32_t l = 0; l < 19; l++) {
            size_t ll = strlen(jamo_l[l]);
            if (ll > rn || memcmp(r, jamo_l[l], ll) != 0)
                continue;
            for (uint32_t v = 0; v < 21; v++) {
                size_t vl = strlen(jamo_v[v]);
                if (ll + vl > rn || memcmp(r + ll, jamo_v[v], vl) != 0)
                    continue;
                for (uint32_t t = 0; t < 28; t++) {
                    size_t tl = strlen(jamo_t[t]);
                    if (ll + vl + tl == rn && memcmp(r + ll + vl, jamo_t[t], tl) == 0)
                        return (int32_t)(SBASE + l * NCOUNT + v * TCOUNT + t);
                }
            }
        }
        return -1;
    }
    if (len > 22 && memcmp(name, "CJK UNIFIED IDEOGRAPH-", 22) == 0) {
        uint32_t cp = 0;
        size_t nd = len - 22;
        if (nd != 4 && nd != 5)
            return -1;
        for (size_t i = 22; i < len; i++) {
            char c = name[i];
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0)
                return -1;
            cp = cp * 16 + (uint32_t)d;
        }
        if (!is_cjk(cp))
            return -1;
        return (int32_t)cp;
    }
    for (size_t b = 1; b < wf_uc_name_block_count; b++) {
        const char *p = wf_uc_name_blob + wf_uc_name_block_offsets[b];
        uint32_t base = (uint32_t)wf_uc_name_block_cps[b] << 5;
        for (uint32_t k = 0; k < 32; k++)
            if (match_stored(&p, base + k, q, len))
                return (int32_t)(base + k);
    }
    size_t lo = 0, hi = wf_uc_alias_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(wf_uc_alias_names[mid], q);
        if (c == 0)
            return (int32_t)wf_uc_alias_cps[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

int wf_uc_lookup_named_sequence(const char *name, size_t len, uint32_t out[WF_UC_NAMED_SEQ_MAX])
{
    char q[WF_UC_NAME_MAX + 1];
    if (len == 0 || len > WF_UC_NAME_MAX)
        return 0;
    for (size_t i = 0; i < len; i++) {
        char c = name[i];
        if (c == '\0')
            return 0;
        q[i] = (c >= 'a' && c <= 'z') ? (char)(c - 32) : c;
    }
    q[len] = '\0';
    size_t lo = 0, hi = wf_uc_seq_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(wf_uc_seq_names[mid], q);
        if (c == 0) {
            int n = 0;
            while (n < WF_UC_NAMED_SEQ_MAX && wf_uc_seq_cps[mid][n] != 0) {
                out[n] = wf_uc_seq_cps[mid][n];
                n++;
            }
            return n;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}
