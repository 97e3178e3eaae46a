#!/usr/bin/python3.11
"""Generate Weft's Unicode database from python3.11 (Unicode 14.0.0).

Usage: /usr/bin/python3.11 tools/gen_unicode.py [OUTDIR]   (default vm/lib)
Writes OUTDIR/unicode_db.c (properties, case, numeric, decomposition,
composition) and OUTDIR/unicode_names.c (compressed character names).

Everything is derived from the oracle's public behaviour: unicodedata's
functions and one-character str methods. A few properties CPython keeps
internally are probed through str behaviour:
  - Cased: in (c + 'a').title() the 'a' stays lower iff c is cased.
  - Case_Ignorable: the final-sigma rule skips case-ignorable characters:
      not cased c: ('A' + c + 'Σ').lower() ends in 'ς' iff c is ignorable;
      cased c:     ('1' + c + 'Σ').lower() ends in 'σ' iff c is ignorable.
  - composition pairs: c with a two-code-point canonical decomposition (a, b)
    is a primary composite iff normalize('NFC', c) == c.
  - name aliases (for lookup) come from the names lookup accepts: perl's
    Unicode 14 NameAliases data is read if present (see NAME_ALIASES).

Table layout (see vm/lib/unicode_tables.h): every per-code-point map is a
two-level trie: index1[cp >> SHIFT] selects a block, index2[block << SHIFT |
(cp & mask)] gives the value; SHIFT is chosen to minimise bytes.
"""
import os
import re
import sys
import unicodedata as ud

assert ud.unidata_version == "14.0.0", ud.unidata_version

CATEGORIES = ["Cn", "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No",
              "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So", "Zs",
              "Zl", "Zp", "Cc", "Cf", "Cs", "Co"]
BIDI = ["", "L", "R", "AL", "EN", "ES", "ET", "AN", "CS", "NSM", "BN", "B", "S", "WS", "ON",
        "LRE", "LRO", "RLE", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"]
EAW = ["N", "Na", "A", "W", "H", "F"]
DECOMP_TAGS = ["", "<circle>", "<compat>", "<final>", "<font>", "<fraction>", "<initial>",
               "<isolated>", "<medial>", "<narrow>", "<noBreak>", "<small>", "<square>",
               "<sub>", "<super>", "<vertical>", "<wide>"]
FLAGS = ["ALPHA", "DECIMAL", "DIGIT", "NUMERIC", "SPACE", "PRINTABLE", "LOWER", "UPPER",
         "TITLE", "CASED", "CASE_IGNORABLE", "XID_START", "XID_CONTINUE", "LINEBREAK",
         "MIRRORED"]
FLAG = {n: 1 << i for i, n in enumerate(FLAGS)}
NAME_ALIASES = "/usr/share/perl/5.36.0/unicore/Name.pl"
NAMED_SEQUENCES = "/usr/share/perl/5.36.0/unicore/NamedSequences.txt"

N = 0x110000


def flags_of(c):
    f = 0
    if c.isalpha(): f |= FLAG["ALPHA"]
    if c.isdecimal(): f |= FLAG["DECIMAL"]
    if c.isdigit(): f |= FLAG["DIGIT"]
    if c.isnumeric(): f |= FLAG["NUMERIC"]
    if c.isspace(): f |= FLAG["SPACE"]
    if c.isprintable(): f |= FLAG["PRINTABLE"]
    if c.islower(): f |= FLAG["LOWER"]
    if c.isupper(): f |= FLAG["UPPER"]
    if c.istitle() and not c.isupper(): f |= FLAG["TITLE"]
    cased = (c + "a").title()[-1] == "a"
    if cased: f |= FLAG["CASED"]
    if cased:
        ign = ("1" + c + "\u03a3").lower()[-1] == "\u03c3"
    else:
        ign = ("A" + c + "\u03a3").lower()[-1] == "\u03c2"
    if ign: f |= FLAG["CASE_IGNORABLE"]
    if c.isidentifier() and c != "_": f |= FLAG["XID_START"]
    if ("a" + c).isidentifier(): f |= FLAG["XID_CONTINUE"]
    if len(("a" + c + "b").splitlines()) == 2: f |= FLAG["LINEBREAK"]
    if ud.mirrored(c): f |= FLAG["MIRRORED"]
    return f


def best_trie(values):
    """Split values (len N) into index1/index2 with the cheapest shift."""
    best = None
    for shift in range(3, 13):
        size = 1 << shift
        blocks = {}
        index1 = []
        index2 = []
        for start in range(0, len(values), size):
            blk = tuple(values[start:start + size])
            bid = blocks.get(blk)
            if bid is None:
                bid = blocks[blk] = len(blocks)
                index2.extend(blk)
            index1.append(bid)
        cost = len(index1) * ctype_size(max(index1)) + len(index2) * ctype_size(max(index2))
        if best is None or cost < best[0]:
            best = (cost, shift, index1, index2)
    return best[1:]


def ctype_size(m):
    return 1 if m < 256 else 2 if m < 65536 else 4


def ctype(m):
    return {1: "uint8_t", 2: "uint16_t", 4: "uint32_t"}[ctype_size(m)]


def c_array(out, decl, values, fmt=str, dims=""):
    items = [fmt(v) for v in values]
    out.append("%s[%d]%s = {" % (decl, len(items), dims))
    line = " "
    for it in items:
        if len(line) + len(it) + 2 > 100:
            out.append(line.rstrip())
            line = " "
        line += it + ","
    if line.strip():
        out.append(line.rstrip())
    out.append("};")


def emit_trie(out, name, values):
    shift, i1, i2 = best_trie(values)
    out.append("#define %s_SHIFT %d" % (name, shift))
    c_array(out, "static const %s %s_index1" % (ctype(max(i1)), name), i1)
    c_array(out, "static const %s %s_index2" % (ctype(max(i2)), name), i2)
    return len(i1) * ctype_size(max(i1)) + len(i2) * ctype_size(max(i2))


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "vm", "lib")
    header = ("/* GENERATED by tools/gen_unicode.py from python3.11 (Unicode %s): do not edit.\n"
              " * Regenerate: /usr/bin/python3.11 tools/gen_unicode.py   (writes vm/lib/%%s)\n"
              " * Layout and accessors: vm/lib/unicode_tables.h. */\n" % ud.unidata_version)

    records = {}
    rec_index = [0] * N
    case_records = {(0, 0, 0, 0, 0): 0}
    case_ext = [0]  # index 0 unused
    case_ext_map = {}
    numerics = {}  # repr -> index (1-based)
    numeric_list = []
    decomp_ids = [0] * N
    decomp_data = [0]  # entry 0 unused
    decomp_offsets = [0]
    compositions = []

    def case_field(cp, s, bit):
        if len(s) == 1:
            return ord(s) - cp, 0
        key = tuple(map(ord, s))
        off = case_ext_map.get(key)
        if off is None:
            off = case_ext_map[key] = len(case_ext)
            case_ext.extend(key)
        assert len(key) <= 3 and off < (1 << 24)
        return (len(key) << 24) | off, bit

    for cp in range(N):
        c = chr(cp)
        cat = CATEGORIES.index(ud.category(c))
        bidi = BIDI.index(ud.bidirectional(c))
        ccc = ud.combining(c)
        eaw = EAW.index(ud.east_asian_width(c))
        fl = flags_of(c)
        dec = ud.decimal(c, -1)
        dig = ud.digit(c, -1)
        num = ud.numeric(c, None)
        nidx = 0
        if num is not None:
            r = repr(num)
            nidx = numerics.get(r)
            if nidx is None:
                nidx = numerics[r] = len(numerics) + 1
                numeric_list.append(r)
        lo, ext_lo = case_field(cp, c.lower(), 1)
        up, ext_up = case_field(cp, c.upper(), 2)
        ti, ext_ti = case_field(cp, c.title(), 4)
        fo, ext_fo = case_field(cp, c.casefold(), 8)
        ckey = (lo, up, ti, fo, ext_lo | ext_up | ext_ti | ext_fo)
        cidx = case_records.get(ckey)
        if cidx is None:
            cidx = case_records[ckey] = len(case_records)
        rkey = (cat, bidi, ccc, eaw, fl, dec, dig, nidx, cidx)
        ridx = records.get(rkey)
        if ridx is None:
            ridx = records[rkey] = len(records)
        rec_index[cp] = ridx

        d = ud.decomposition(c)
        if d:
            parts = d.split()
            tag = 0
            if parts[0].startswith("<"):
                tag = DECOMP_TAGS.index(parts[0])
                parts = parts[1:]
            cps = [int(p, 16) for p in parts]
            decomp_ids[cp] = len(decomp_offsets)
            decomp_offsets.append(len(decomp_data))
            decomp_data.append((tag << 8) | len(cps))
            decomp_data.extend(cps)
            if tag == 0 and len(cps) == 2 and ud.normalize("NFC", c) == c:
                compositions.append((cps[0], cps[1], cp))

    assert len(records) < 65536 and len(case_records) < 65536
    out = [header % "unicode_db.c", '#include "unicode_tables.h"', ""]
    out.append("/* record: category, bidi, combining, east_asian_width, flags, decimal,"
               " digit, numeric index, case index */")
    recs = sorted(records.items(), key=lambda kv: kv[1])
    c_array(out, "const wf_uc_record wf_uc_records", [k for k, _ in recs],
            fmt=lambda k: "{%d,%d,%d,%d,0x%x,%d,%d,%d,%d}" % k)
    sizes = {"records": len(recs) * 12}
    sizes["prop trie"] = emit_trie(out, "wf_uc_prop", rec_index)
    crecs = sorted(case_records.items(), key=lambda kv: kv[1])
    out.append("/* case record: lower, upper, title, fold (delta, or (len << 24) | offset into"
               " wf_uc_case_ext when the ext bit 1/2/4/8 is set), ext bits */")
    c_array(out, "const wf_uc_case wf_uc_cases", [k for k, _ in crecs],
            fmt=lambda k: "{%d,%d,%d,%d,%d}" % k)
    c_array(out, "const uint32_t wf_uc_case_ext", case_ext, fmt=lambda v: "0x%x" % v)
    sizes["case"] = len(crecs) * 20 + len(case_ext) * 4
    out.append("/* numeric values by numeric index - 1, and their Python reprs */")
    c_array(out, "const double wf_uc_numeric_values", numeric_list, fmt=lambda r: r)
    c_array(out, "const char *const wf_uc_numeric_reprs", numeric_list,
            fmt=lambda r: '"%s"' % r)
    out.append("/* decomposition: id -> offset into data; data[off] = tag << 8 | count,"
               " then count code points */")
    sizes["decomp trie"] = emit_trie(out, "wf_uc_decomp", decomp_ids)
    c_array(out, "const uint16_t wf_uc_decomp_offsets", decomp_offsets)
    c_array(out, "const uint32_t wf_uc_decomp_data", decomp_data, fmt=lambda v: "0x%x" % v)
    sizes["decomp"] = len(decomp_offsets) * 2 + len(decomp_data) * 4
    assert max(decomp_offsets) < 65536
    compositions.sort()
    out.append("/* primary composites, sorted by (first << 21 | second) */")
    c_array(out, "const uint64_t wf_uc_comp_keys", compositions,
            fmt=lambda t: "0x%xull" % ((t[0] << 21) | t[1]))
    c_array(out, "const uint32_t wf_uc_comp_values", compositions, fmt=lambda t: "0x%x" % t[2])
    sizes["composition"] = len(compositions) * 12
    out.append("const size_t wf_uc_comp_count = %d;" % len(compositions))
    out.append("")
    out.append("const wf_uc_record *wf_uc_record_of(uint32_t cp)\n{\n"
               "    if (cp > 0x10FFFF)\n        cp = 0x10FFFF;\n"
               "    return &wf_uc_records[WF_UC_TRIE(wf_uc_prop, cp)];\n}\n")
    out.append("unsigned wf_uc_decomp_id(uint32_t cp)\n{\n"
               "    return cp > 0x10FFFF ? 0 : WF_UC_TRIE(wf_uc_decomp, cp);\n}")
    with open(os.path.join(outdir, "unicode_db.c"), "w") as f:
        f.write("\n".join(out))
    print("records %d, case records %d, case ext %d, numerics %d, decomps %d, comps %d"
          % (len(records), len(case_records), len(case_ext), len(numeric_list),
             len(decomp_offsets) - 1, len(compositions)))
    print("binary sizes:", sizes, "total", sum(sizes.values()))

    names_c = gen_names(header % "unicode_names.c")
    with open(os.path.join(outdir, "unicode_names.c"), "w") as f:
        f.write(names_c)


# ---------------------------------------------------------------- names
#
# Names that are not algorithmic (Hangul syllables, CJK unified ideographs)
# are split into words at ' ' and '-'; each word becomes a token of a
# printable code (frequent words take one character). Token stream of
# a name: word (HYPHEN word | word)* END, where a bare word is preceded by a
# space and HYPHEN replaces that space by '-'. A word equal to the code point
# in hex ("CJK COMPATIBILITY IDEOGRAPH-F900") is the HEXCP token. Names are
# stored in code-point order in blocks of 32 code points (unnamed ones as a
# bare END); a trie maps cp >> 5 to a block id, and block ids to offsets.

ALPHABET = "".join(ch for ch in map(chr, range(0x21, 0x7F)) if ch not in '"\\?')
assert len(ALPHABET) == 91
TOK_END, TOK_HYPHEN, TOK_HEXCP = 0, 1, 2
NAME_BLOCK_SHIFT = 5


def is_algorithmic(cp, name):
    return name.startswith("HANGUL SYLLABLE ") or name == "CJK UNIFIED IDEOGRAPH-%X" % cp


def split_name(cp, name):
    """-> list of (sep, word) with sep in ' ', '-' (first sep ignored)."""
    parts = re.split("([ -])", name)
    words = [("", parts[0])]
    for i in range(1, len(parts), 2):
        words.append((parts[i], parts[i + 1]))
    return [(s, None if w == "%04X" % cp else w) for s, w in words]


def gen_names(header):
    import collections
    names = {}
    for cp in range(N):
        n = ud.name(chr(cp), None)
        if n and not is_algorithmic(cp, n):
            names[cp] = n
    counts = collections.Counter()
    for cp, n in names.items():
        for _, w in split_name(cp, n):
            if w is not None:
                counts[w] += 1
    words = [w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    # code: 3 specials, then S one-symbol words, then two-symbol words with
    # leads in [3+S, 3+S+T), then three-symbol words with the remaining leads.
    # Trailing symbols are base 90 over ALPHABET[1:], so the END symbol
    # ALPHABET[0] only ever ends a name: skipping a name is a strchr.
    best = None
    for S in range(10, 88):
        for T in range(1, 88 - S):
            L3 = 91 - 3 - S - T
            if S + T * 90 + L3 * 90 * 90 < len(words):
                continue
            cost = sum(counts[w] * (1 if i < S else 2 if i < S + T * 90 else 3)
                       for i, w in enumerate(words))
            if best is None or cost < best[0]:
                best = (cost, S, T)
    _, S, T = best
    windex = {w: i for i, w in enumerate(words)}

    def enc_word(w):
        if w is None:
            return ALPHABET[TOK_HEXCP]
        i = windex[w]
        if i < S:
            return ALPHABET[3 + i]
        i -= S
        if i < T * 90:
            return ALPHABET[3 + S + i // 90] + ALPHABET[1 + i % 90]
        i -= T * 90
        return (ALPHABET[3 + S + T + i // 8100] + ALPHABET[1 + (i // 90) % 90]
                + ALPHABET[1 + i % 90])

    blob = []
    block_of = [0] * (N >> NAME_BLOCK_SHIFT)   # 0 = no names; else id
    block_offsets = [0]
    block_cps = [0]
    pos = 0
    for b in range(N >> NAME_BLOCK_SHIFT):
        base = b << NAME_BLOCK_SHIFT
        if not any((base + k) in names for k in range(1 << NAME_BLOCK_SHIFT)):
            continue
        block_of[b] = len(block_offsets)
        block_offsets.append(pos)
        block_cps.append(b)
        for k in range(1 << NAME_BLOCK_SHIFT):
            cp = base + k
            s = ""
            if cp in names:
                for i, (sep, w) in enumerate(split_name(cp, names[cp])):
                    if sep == "-":
                        s += ALPHABET[TOK_HYPHEN]
                    s += enc_word(w)
            s += ALPHABET[TOK_END]
            blob.append(s)
            pos += len(s)
    blob = "".join(blob)
    lex = "".join(words)
    lex_off = [0]
    for w in words:
        lex_off.append(lex_off[-1] + len(w))
    assert lex_off[-1] < 65536

    aliases = read_aliases()
    cjk = []
    for cp in range(N):
        if ud.name(chr(cp), None) == "CJK UNIFIED IDEOGRAPH-%X" % cp:
            if cjk and cjk[-1][1] == cp - 1:
                cjk[-1][1] = cp
            else:
                cjk.append([cp, cp])

    out = [header, '#include "unicode_tables.h"', ""]
    out.append("/* token code: see tools/gen_unicode.py (names) */")
    out.append("const char wf_uc_name_alphabet[] = \"%s\";" % ALPHABET)
    out.append("const int wf_uc_name_single = %d, wf_uc_name_double = %d;" % (S, T))
    out.append("/* words, concatenated; word i is lexicon[offsets[i] .. offsets[i+1]) */")
    emit_string(out, "const char wf_uc_name_lexicon[]", lex)
    c_array(out, "const uint16_t wf_uc_name_lexicon_offsets", lex_off)
    out.append("const size_t wf_uc_name_word_count = %d;" % len(words))
    shift, i1, i2 = best_trie(block_of)
    out.append("#define wf_uc_nameblk_SHIFT %d" % shift)
    c_array(out, "static const %s wf_uc_nameblk_index1" % ctype(max(i1)), i1)
    c_array(out, "static const %s wf_uc_nameblk_index2" % ctype(max(i2)), i2)
    out.append("unsigned wf_uc_name_block_id(uint32_t cp)\n{\n"
               "    if (cp > 0x10FFFF)\n        return 0;\n"
               "    uint32_t b = cp >> %d;\n    return WF_UC_TRIE(wf_uc_nameblk, b);\n}" % NAME_BLOCK_SHIFT)
    c_array(out, "const uint32_t wf_uc_name_block_offsets", block_offsets)
    c_array(out, "const uint16_t wf_uc_name_block_cps", block_cps)
    out.append("const size_t wf_uc_name_block_count = %d;" % len(block_offsets))
    emit_string(out, "const char wf_uc_name_blob[]", blob)
    out.append("/* formal name aliases (unicodedata.lookup accepts them), sorted by name */")
    c_array(out, "const char *const wf_uc_alias_names", [a for a, _ in aliases],
            fmt=lambda a: '"%s"' % a)
    c_array(out, "const uint32_t wf_uc_alias_cps", [c for _, c in aliases],
            fmt=lambda c: "0x%x" % c)
    out.append("const size_t wf_uc_alias_count = %d;" % len(aliases))
    seqs = read_named_sequences()
    out.append("/* named sequences (unicodedata.lookup only), sorted by name; code points"
               " 0-terminated */")
    c_array(out, "const char *const wf_uc_seq_names", [a for a, _ in seqs],
            fmt=lambda a: '"%s"' % a)
    c_array(out, "const uint32_t wf_uc_seq_cps", [c for _, c in seqs],
            fmt=lambda c: "{" + ",".join("0x%x" % x for x in c) + "}", dims="[WF_UC_SEQ_MAX + 1]")
    out.append("const size_t wf_uc_seq_count = %d;" % len(seqs))
    out.append("/* code points named CJK UNIFIED IDEOGRAPH-<hex>: inclusive ranges */")
    c_array(out, "const uint32_t wf_uc_cjk_ranges", [x for r in cjk for x in r],
            fmt=lambda c: "0x%x" % c)
    out.append("const size_t wf_uc_cjk_range_count = %d;" % len(cjk))
    out.append("")
    print("names: %d stored, %d words (lexicon %d bytes), blob %d bytes, S=%d T=%d, %d aliases"
          % (len(names), len(words), len(lex), len(blob), S, T, len(aliases)))
    return "\n".join(out)


def emit_string(out, decl, s):
    out.append("%s =" % decl)
    for i in range(0, len(s), 96):
        out.append('  "%s"' % s[i:i + 96])
    out.append(";")


def read_named_sequences():
    """Named sequences that python3.11's lookup() returns (verified one by one)."""
    res = []
    if not os.path.exists(NAMED_SEQUENCES):
        return res
    for line in open(NAMED_SEQUENCES, encoding="utf-8"):
        if line.startswith("#") or ";" not in line:
            continue
        name, seq = line.strip().split(";")
        cps = tuple(int(x, 16) for x in seq.split())
        try:
            if tuple(map(ord, ud.lookup(name))) == cps:
                assert len(cps) <= 4
                res.append((name, cps))
        except KeyError:
            pass
    return sorted(res)


def read_aliases():
    """Formal aliases that python3.11's lookup() accepts (verified one by one)."""
    res = []
    if not os.path.exists(NAME_ALIASES):
        return res
    text = open(NAME_ALIASES, encoding="utf-8").read()
    for m in re.finditer(r"^([0-9A-F]{4,6})\n([A-Z0-9 \-]+)\n", text, re.M):
        cp, name = int(m.group(1), 16), m.group(2)
        if ud.name(chr(cp), None) == name:
            continue
        try:
            if ud.lookup(name) == chr(cp):
                res.append((name, cp))
        except KeyError:
            pass
    return sorted(set(res))


if __name__ == "__main__":
    main()
