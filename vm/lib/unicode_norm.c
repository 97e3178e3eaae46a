/* unicode_norm.c — NFC, NFD, NFKC, NFKD (Unicode Standard Annex #15).
 *
 * Steps, on a uint32_t buffer:
 *   1. Decompose every code point fully (recursively; canonical mappings only
 *      for NFC/NFD, all mappings for NFKC/NFKD; Hangul syllables
 *      arithmetically: S -> L V [T]).
 *   2. Canonical ordering: within each run of non-starters (combining class
 *      != 0), stable-sort by combining class.
 *   3. (NFC/NFKC) Canonical composition, left to right: a character C
 *      combines with the last starter S if no character between them has
 *      class 0 or a class >= class(C) (adjacent characters always may), and
 *      the pair (S, C) has a primary composite (wf_uc_comp_keys: pairs whose
 *      composite is not excluded) or is Hangul L+V / LV+T. The buffer only
 *      shrinks, so composition runs in place.
 * Step 1 runs twice when the caller's buffer may be short: once to measure.
 */
#include <stdlib.h>
#include <string.h>

#include "unicode_tables.h"
#include "wf_unicode.h"

#define SBASE 0xAC00u
#define LBASE 0x1100u
#define VBASE 0x1161u
#define TBASE 0x11A7u
#define LCOUNT 19u
#define VCOUNT 21u
#define TCOUNT 28u
#define NCOUNT (VCOUNT * TCOUNT)
#define SCOUNT (LCOUNT * NCOUNT)

static inline int ccc(uint32_t cp) { return wf_uc_record_of(cp)->combining; }

/* Append the full decomposition of cp to out (writing only below cap);
 * returns the new length (which may exceed cap). */
static size_t decompose(uint32_t cp, bool compat, uint32_t *out, size_t len, size_t cap)
{
    if (cp - SBASE < SCOUNT) {
        uint32_t s = cp - SBASE;
        uint32_t parts[3] = {LBASE + s / NCOUNT, VBASE + (s % NCOUNT) / TCOUNT, TBASE + s % TCOUNT};
        int k = parts[2] == TBASE ? 2 : 3;
        for (int i = 0; i < k; i++, len++)
            if (len < cap)
                out[len] = parts[i];
        return len;
    }
    unsigned id = wf_uc_decomp_id(cp);
    if (id != 0) {
        const uint32_t *d = &wf_uc_decomp_data[wf_uc_decomp_offsets[id]];
        unsigned tag = d[0] >> 8, n = d[0] & 0xFF;
        if (tag == 0 || compat) {
            for (unsigned i = 0; i < n; i++)
                len = decompose(d[1 + i], compat, out, len, cap);
            return len;
        }
    }
    if (len < cap)
        out[len] = cp;
    return len + 1;
}

static void reorder(uint32_t *s, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        int c = ccc(s[i]);
        if (c == 0)
            continue;
        size_t j = i;
        uint32_t x = s[i];
        while (j > 0) {
            int p = ccc(s[j - 1]);
            if (p <= c) /* p == 0 stops too: starters never move */
                break;
            s[j] = s[j - 1];
            j--;
        }
        s[j] = x;
    }
}

static uint32_t compose_pair(uint32_t a, uint32_t b)
{
    if (a - LBASE < LCOUNT && b - VBASE < VCOUNT)
        return SBASE + ((a - LBASE) * VCOUNT + (b - VBASE)) * TCOUNT;
    if (a - SBASE < SCOUNT && (a - SBASE) % TCOUNT == 0 && b - TBASE - 1 < TCOUNT - 1)
        return a + (b - TBASE);
    if (a > 0x1FFFFF || b > 0x1FFFFF)
        return 0;
    uint64_t key = ((uint64_t)a << 21) | b;
    size_t lo = 0, hi = wf_uc_comp_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (wf_uc_comp_keys[mid] < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < wf_uc_comp_count && wf_uc_comp_keys[lo] == key ? wf_uc_comp_values[lo] : 0;
}

static size_t compose(uint32_t *s, size_t n)
{
    size_t out = 0;
    size_t starter = SIZE_MAX;
    int last = -1; /* class of the last char kept after the starter; -1: none */
    for (size_t i = 0; i < n; i++) {
        uint32_t c = s[i];
        int cc = ccc(c);
        if (starter != SIZE_MAX && (last == -1 || last < cc)) {
            uint32_t comp = compose_pair(s[starter], c);
            if (comp) {
                s[starter] = comp;
                continue;
            }
        }
        if (cc == 0) {
            starter = out;
            last = -1;
        } else {
            last = cc;
        }
        s[out++] = c;
    }
    return out;
}

size_t wf_uc_normalize(wf_uc_form_t form, const uint32_t *in, size_t n, uint32_t *out, size_t cap)
{
    bool ascii = true;
    for (size_t i = 0; i < n && ascii; i++)
        ascii = in[i] < 0x80;
    if (ascii) {
        if (n <= cap)
            memcpy(out, in, n * sizeof *in);
        return n;
    }
    bool compat = form == WF_UC_NFKC || form == WF_UC_NFKD;
    size_t len = 0;
    for (size_t i = 0; i < n; i++)
        len = decompose(in[i], compat, out, len, cap);
    if (len > cap)
        return len;
    reorder(out, len);
    if (form == WF_UC_NFC || form == WF_UC_NFKC)
        len = compose(out, len);
    return len;
}

uint32_t *wf_uc_normalize_alloc(wf_uc_form_t form, const uint32_t *in, size_t n, size_t *out_len)
{
    size_t cap = n + n / 4 + 8;
    for (;;) {
        uint32_t *buf = malloc(cap * sizeof *buf);
        if (!buf)
            return NULL;
        size_t len = wf_uc_normalize(form, in, n, buf, cap);
        if (len <= cap) {
            *out_len = len;
            return buf;
        }
        free(buf);
        cap = len;
    }
}

int wf_uc_is_normalized(wf_uc_form_t form, const uint32_t *in, size_t n)
{
    bool compat = form == WF_UC_NFKC || form == WF_UC_NFKD;
    bool simple = true; /* no decomposable character, classes in order */
    int prev = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t cp = in[i];
        if (cp < 0x80) {
            prev = 0;
            continue;
        }
        int cc = ccc(cp);
        if (cc != 0 && prev > cc)
            return 0;
        prev = cc;
        if (cp - SBASE < SCOUNT) {
            simple = false;
            continue;
        }
        unsigned id = wf_uc_decomp_id(cp);
        if (id != 0) {
            unsigned tag = wf_uc_decomp_data[wf_uc_decomp_offsets[id]] >> 8;
            if (tag == 0 || compat)
                simple = false;
        }
    }
    if (form == WF_UC_NFD || form == WF_UC_NFKD)
        return simple;
    size_t len;
    uint32_t *buf = wf_uc_normalize_alloc(form, in, n, &len);
    if (!buf)
        return -1;
    int eq = len == n && memcmp(buf, in, n * sizeof *in) == 0;
    free(buf);
    return eq;
}
