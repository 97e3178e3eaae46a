/* unicode_tables.h — layout of the generated tables (unicode_db.c,
 * unicode_names.c, written by tools/gen_unicode.py). Internal to the
 * wf_lib_unicode library: other code uses wf_unicode.h.
 *
 * Per-code-point maps are two-level tries:
 *   v = X_index2[(X_index1[cp >> X_SHIFT] << X_SHIFT) | (cp & ((1 << X_SHIFT) - 1))]
 * The generator picks each SHIFT and the element types; the accessors below
 * use __typeof__ so that they follow whatever it chose.
 */
#ifndef WF_UNICODE_TABLES_H
#define WF_UNICODE_TABLES_H

#include <stddef.h>
#include <stdint.h>

enum {
    WF_UCF_ALPHA = 1 << 0, WF_UCF_DECIMAL = 1 << 1, WF_UCF_DIGIT = 1 << 2,
    WF_UCF_NUMERIC = 1 << 3, WF_UCF_SPACE = 1 << 4, WF_UCF_PRINTABLE = 1 << 5,
    WF_UCF_LOWER = 1 << 6, WF_UCF_UPPER = 1 << 7, WF_UCF_TITLE = 1 << 8,
    WF_UCF_CASED = 1 << 9, WF_UCF_CASE_IGNORABLE = 1 << 10, WF_UCF_XID_START = 1 << 11,
    WF_UCF_XID_CONTINUE = 1 << 12, WF_UCF_LINEBREAK = 1 << 13, WF_UCF_MIRRORED = 1 << 14,
};

typedef struct {
    uint8_t category, bidi, combining, eaw;
    uint16_t flags;
    int8_t decimal, digit;
    uint8_t numeric;   /* 0 = none, else index + 1 into wf_uc_numeric_values */
    uint16_t case_idx; /* into wf_uc_cases */
} wf_uc_record;

typedef struct {
    int32_t lower, upper, title, fold; /* delta, or (len << 24) | offset if ext bit set */
    uint8_t ext;                       /* 1 lower, 2 upper, 4 title, 8 fold */
} wf_uc_case;

#define WF_UC_TRIE(name, cp)                                                                  \
    (name##_index2[((size_t)name##_index1[(cp) >> name##_SHIFT] << name##_SHIFT) |         \
                   ((cp) & ((1u << name##_SHIFT) - 1))])

/* Declarations with element types are in the generated files; the accessors
 * that need them live in the same translation unit or use these externs. */
extern const wf_uc_record wf_uc_records[];
extern const wf_uc_case wf_uc_cases[];
extern const uint32_t wf_uc_case_ext[];
extern const double wf_uc_numeric_values[];
extern const char *const wf_uc_numeric_reprs[];
extern const uint16_t wf_uc_decomp_offsets[];
extern const uint32_t wf_uc_decomp_data[];
extern const uint64_t wf_uc_comp_keys[];
extern const uint32_t wf_uc_comp_values[];
extern const size_t wf_uc_comp_count;

/* Trie lookups, defined in unicode_db.c / unicode_names.c next to the tries. */
const wf_uc_record *wf_uc_record_of(uint32_t cp);
unsigned wf_uc_decomp_id(uint32_t cp);
unsigned wf_uc_name_block_id(uint32_t cp);

extern const char wf_uc_name_alphabet[];
extern const int wf_uc_name_single, wf_uc_name_double;
extern const char wf_uc_name_lexicon[];
extern const uint16_t wf_uc_name_lexicon_offsets[];
extern const size_t wf_uc_name_word_count;
extern const uint32_t wf_uc_name_block_offsets[];
extern const uint16_t wf_uc_name_block_cps[];
extern const size_t wf_uc_name_block_count;
extern const char wf_uc_name_blob[];
extern const char *const wf_uc_alias_names[];
extern const uint32_t wf_uc_alias_cps[];
extern const size_t wf_uc_alias_count;
#define WF_UC_SEQ_MAX 4
extern const char *const wf_uc_seq_names[];
extern const uint32_t wf_uc_seq_cps[][WF_UC_SEQ_MAX + 1];
extern const size_t wf_uc_seq_count;
extern const uint32_t wf_uc_cjk_ranges[]; /* pairs: first, last */
extern const size_t wf_uc_cjk_range_count;

#endif /* WF_UNICODE_TABLES_H */
