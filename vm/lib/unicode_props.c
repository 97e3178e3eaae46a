/* unicode_props.c — character properties, str predicates and case mappings.
 *
 * Every query is one trie lookup (wf_uc_record_of) plus a field read; the
 * record fields and flag bits are described in unicode_tables.h. Case
 * mappings are stored per record as a delta (single code point) or as an
 * offset into wf_uc_case_ext (1..3 code points, SpecialCasing).
 * Final sigma (Unicode 3.13, as str.lower applies it): capital sigma at i
 * lowers to U+03C2 iff, skipping case-ignorable characters, it is preceded
 * by a cased character and not followed by one.
 */
#include <stdio.h>
#include <string.h>

#include "unicode_tables.h"
#include "wf_unicode.h"

static const char cat_names[WF_UC_CATEGORY_COUNT][3] = {
    "Cn", "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Pc", "Pd", "Ps",
    "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So", "Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co"};
static const char *const bidi_names[] = {
    "", "L", "R", "AL", "EN", "ES", "ET", "AN", "CS", "NSM", "BN", "B", "S", "WS", "ON",
    "LRE", "LRO", "RLE", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"};
static const char *const eaw_names[] = {"N", "Na", "A", "W", "H", "F"};
static const char *const decomp_tags[] = {
    "", "<circle>", "<compat>", "<final>", "<font>", "<fraction>", "<initial>", "<isolated>",
    "<medial>", "<narrow>", "<noBreak>", "<small>", "<square>", "<sub>", "<super>",
    "<vertical>", "<wide>"};

#define REC(cp) wf_uc_record_of(cp)
#define HAS(cp, f) ((REC(cp)->flags & (f)) != 0)

wf_uc_category_t wf_uc_category(uint32_t cp) { return (wf_uc_category_t)REC(cp)->category; }
const char *wf_uc_category_name(uint32_t cp) { return cat_names[REC(cp)->category]; }
const char *wf_uc_category_str(wf_uc_category_t cat)
{
    return (unsigned)cat < WF_UC_CATEGORY_COUNT ? cat_names[cat] : "";
}
int wf_uc_bidi_class(uint32_t cp) { return REC(cp)->bidi; }
const char *wf_uc_bidirectional(uint32_t cp) { return bidi_names[REC(cp)->bidi]; }
int wf_uc_combining(uint32_t cp) { return REC(cp)->combining; }
const char *wf_uc_east_asian_width(uint32_t cp) { return eaw_names[REC(cp)->eaw]; }
bool wf_uc_mirrored(uint32_t cp) { return HAS(cp, WF_UCF_MIRRORED); }
int wf_uc_decimal(uint32_t cp) { return REC(cp)->decimal; }
int wf_uc_digit(uint32_t cp) { return REC(cp)->digit; }

bool wf_uc_numeric(uint32_t cp, double *value)
{
    unsigned i = REC(cp)->numeric;
    if (i == 0)
        return false;
    if (value)
        *value = wf_uc_numeric_values[i - 1];
    return true;
}

const char *wf_uc_numeric_repr(uint32_t cp)
{
    unsigned i = REC(cp)->numeric;
    return i ? wf_uc_numeric_reprs[i - 1] : NULL;
}

bool wf_uc_isalpha(uint32_t cp) { return HAS(cp, WF_UCF_ALPHA); }
bool wf_uc_isdecimal(uint32_t cp) { return HAS(cp, WF_UCF_DECIMAL); }
bool wf_uc_isdigit(uint32_t cp) { return HAS(cp, WF_UCF_DIGIT); }
bool wf_uc_isnumeric(uint32_t cp) { return HAS(cp, WF_UCF_NUMERIC); }
bool wf_uc_isalnum(uint32_t cp)
{
    return HAS(cp, WF_UCF_ALPHA | WF_UCF_DECIMAL | WF_UCF_DIGIT | WF_UCF_NUMERIC);
}
bool wf_uc_isspace_db_(uint32_t cp) { return HAS(cp, WF_UCF_SPACE); }
bool wf_uc_isprintable(uint32_t cp) { return HAS(cp, WF_UCF_PRINTABLE); }
bool wf_uc_islinebreak(uint32_t cp) { return HAS(cp, WF_UCF_LINEBREAK); }
bool wf_uc_islower(uint32_t cp) { return HAS(cp, WF_UCF_LOWER); }
bool wf_uc_isupper(uint32_t cp) { return HAS(cp, WF_UCF_UPPER); }
bool wf_uc_istitle(uint32_t cp) { return HAS(cp, WF_UCF_TITLE); }
bool wf_uc_iscased(uint32_t cp) { return HAS(cp, WF_UCF_CASED); }
bool wf_uc_iscase_ignorable(uint32_t cp) { return HAS(cp, WF_UCF_CASE_IGNORABLE); }
bool wf_uc_isxid_start(uint32_t cp) { return HAS(cp, WF_UCF_XID_START); }
bool wf_uc_isxid_continue(uint32_t cp) { return HAS(cp, WF_UCF_XID_CONTINUE); }

static int map_case(uint32_t cp, int32_t v, int ext, uint32_t out[WF_UC_CASE_MAX])
{
    if (!ext) {
        out[0] = (uint32_t)((int32_t)cp + v);
        return 1;
    }
    int len = (int)((uint32_t)v >> 24);
    const uint32_t *src = &wf_uc_case_ext[(uint32_t)v & 0xFFFFFF];
    for (int i = 0; i < len; i++)
        out[i] = src[i];
    return len;
}

#define CASE(cp) (&wf_uc_cases[REC(cp)->case_idx])

int wf_uc_to_lower(uint32_t cp, uint32_t out[WF_UC_CASE_MAX])
{
    const wf_uc_case *c = CASE(cp);
    return map_case(cp, c->lower, c->ext & 1, out);
}
int wf_uc_to_upper(uint32_t cp, uint32_t out[WF_UC_CASE_MAX])
{
    const wf_uc_case *c = CASE(cp);
    return map_case(cp, c->upper, c->ext & 2, out);
}
int wf_uc_to_title(uint32_t cp, uint32_t out[WF_UC_CASE_MAX])
{
    const wf_uc_case *c = CASE(cp);
    return map_case(cp, c->title, c->ext & 4, out);
}
int wf_uc_to_fold(uint32_t cp, uint32_t out[WF_UC_CASE_MAX])
{
    const wf_uc_case *c = CASE(cp);
    return map_case(cp, c->fold, c->ext & 8, out);
}

static inline uint32_t read_cp(const void *data, int kind, size_t i)
{
    switch (kind) {
    case 1: return ((const uint8_t *)data)[i];
    case 2: return ((const uint16_t *)data)[i];
    default: return ((const uint32_t *)data)[i];
    }
}

bool wf_uc_final_sigma(const void *data, int kind, size_t n, size_t i)
{
    size_t j = i;
    uint32_t c = 0;
    bool found = false;
    while (j > 0) {
        c = read_cp(data, kind, --j);
        if (!wf_uc_iscase_ignorable(c)) {
            found = true;
            break;
        }
    }
    if (!found || !wf_uc_iscased(c))
        return false;
    for (j = i + 1; j < n; j++) {
        c = read_cp(data, kind, j);
        if (!wf_uc_iscase_ignorable(c))
            return !wf_uc_iscased(c);
    }
    return true;
}

int wf_uc_to_lower_at(const void *data, int kind, size_t n, size_t i, uint32_t out[WF_UC_CASE_MAX])
{
    uint32_t cp = read_cp(data, kind, i);
    if (cp == 0x3A3) {
        out[0] = wf_uc_final_sigma(data, kind, n, i) ? 0x3C2 : 0x3C3;
        return 1;
    }
    return wf_uc_to_lower(cp, out);
}

int wf_uc_decomposition(uint32_t cp, int *tag, uint32_t out[WF_UC_DECOMP_MAX])
{
    unsigned id = wf_uc_decomp_id(cp);
    if (id == 0) {
        if (tag)
            *tag = 0;
        return 0;
    }
    const uint32_t *d = &wf_uc_decomp_data[wf_uc_decomp_offsets[id]];
    int n = (int)(d[0] & 0xFF);
    if (tag)
        *tag = (int)(d[0] >> 8);
    for (int i = 0; i < n; i++)
        out[i] = d[1 + i];
    return n;
}

size_t wf_uc_decomposition_str(uint32_t cp, char *buf, size_t size)
{
    uint32_t d[WF_UC_DECOMP_MAX];
    int tag;
    int n = wf_uc_decomposition(cp, &tag, d);
    char tmp[160];
    size_t len = 0;
    if (tag)
        len += (size_t)snprintf(tmp, sizeof tmp, "%s", decomp_tags[tag]);
    for (int i = 0; i < n; i++)
        len += (size_t)snprintf(tmp + len, sizeof tmp - len, "%s%04X", len ? " " : "", d[i]);
    tmp[len] = '\0';
    if (size) {
        size_t k = len < size - 1 ? len : size - 1;
        memcpy(buf, tmp, k);
        buf[k] = '\0';
    }
    return len;
}
