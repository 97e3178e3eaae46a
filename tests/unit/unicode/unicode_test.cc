// Differential tests of vm/lib's Unicode database against python3.11. The
// expected values are written at build time by gen_unicode_expected.py into
// the build directory (WF_UC_EXPECTED_DIR); see that script for the formats.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "wf_unicode.h"

namespace {

std::string path(const char *name) { return std::string(WF_UC_EXPECTED_DIR) + "/" + name; }

std::vector<uint32_t> parse_cps(const std::string &s) {
  std::vector<uint32_t> v;
  if (s == "-") return v;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, '.')) v.push_back((uint32_t)std::stoul(item, nullptr, 16));
  return v;
}

std::string fmt_cps(const uint32_t *p, size_t n) {
  std::string s;
  char b[16];
  for (size_t i = 0; i < n; i++) {
    std::snprintf(b, sizeof b, "%s%x", i ? "." : "", p[i]);
    s += b;
  }
  return s.empty() ? "-" : s;
}

// Expected mapping field "dN" (delta) or "m<hex.hex>" -> code points.
std::vector<uint32_t> expect_mapping(uint32_t cp, const std::string &f) {
  if (f[0] == 'd') return {(uint32_t)((int64_t)cp + std::stoll(f.substr(1)))};
  return parse_cps(f.substr(1));
}

struct Tally {
  std::map<std::string, std::pair<long, long>> m;  // field -> (checked, mismatched)
  void check(const std::string &field, bool ok, const std::string &what) {
    auto &e = m[field];
    e.first++;
    if (!ok && ++e.second <= 5) ADD_FAILURE() << field << ": " << what;
  }
  void report() {
    for (auto &kv : m) {
      std::printf("  %-18s %9ld checked, %ld mismatches\n", kv.first.c_str(), kv.second.first,
                  kv.second.second);
      EXPECT_EQ(kv.second.second, 0) << kv.first;
    }
  }
};

std::string hx(uint32_t cp) {
  char b[16];
  std::snprintf(b, sizeof b, "U+%04X", cp);
  return b;
}

TEST(Unicode, EveryCodePointProperties) {
  std::ifstream in(path("props.txt"));
  ASSERT_TRUE(in.good());
  Tally t;
  std::string line;
  uint32_t next = 0;
  while (std::getline(in, line)) {
    std::istringstream ls(line);
    uint32_t start, count;
    std::string cat, bidi, eaw, num, preds, lo, up, ti, fo;
    int ccc, mirrored, dec, dig;
    ls >> start >> count >> cat >> bidi >> ccc >> eaw >> mirrored >> dec >> dig >> num >> preds >> lo >>
        up >> ti >> fo;
    ASSERT_EQ(start, next);
    next = start + count;
    if (bidi == "-") bidi = "";
    for (uint32_t cp = start; cp < start + count; cp++) {
      std::string w = hx(cp);
      t.check("category", cat == wf_uc_category_name(cp) &&
                              cat == wf_uc_category_str(wf_uc_category(cp)), w);
      t.check("bidirectional", bidi == wf_uc_bidirectional(cp), w);
      t.check("combining", ccc == wf_uc_combining(cp), w);
      t.check("east_asian_width", eaw == wf_uc_east_asian_width(cp), w);
      t.check("mirrored", mirrored == (int)wf_uc_mirrored(cp), w);
      t.check("decimal", dec == wf_uc_decimal(cp), w);
      t.check("digit", dig == wf_uc_digit(cp), w);
      double v = 0;
      bool has = wf_uc_numeric(cp, &v);
      const char *r = wf_uc_numeric_repr(cp);
      if (num == "-")
        t.check("numeric", !has && r == nullptr, w);
      else
        t.check("numeric", has && r && num == r && v == std::strtod(num.c_str(), nullptr), w);
      bool lower = wf_uc_islower(cp), upper = wf_uc_isupper(cp), title = wf_uc_istitle(cp);
      bool got[15] = {wf_uc_isalpha(cp), wf_uc_isdecimal(cp), wf_uc_isdigit(cp), wf_uc_isnumeric(cp),
                      wf_uc_isalnum(cp), wf_uc_isspace(cp), wf_uc_isprintable(cp),
                      lower && !upper && !title, upper && !lower && !title, upper || title,
                      wf_uc_iscased(cp), wf_uc_isxid_start(cp) || cp == '_', wf_uc_isxid_continue(cp),
                      wf_uc_islinebreak(cp), wf_uc_iscase_ignorable(cp)};
      static const char *pnames[15] = {"isalpha", "isdecimal", "isdigit", "isnumeric", "isalnum",
                                       "isspace", "isprintable", "islower", "isupper", "istitle",
                                       "cased", "isidentifier(c)", "isidentifier(a+c)",
                                       "linebreak", "case_ignorable"};
      for (int k = 0; k < 15; k++) t.check(pnames[k], (preds[k] == '1') == got[k], w);
      uint32_t out[WF_UC_CASE_MAX];
      const std::string *fs[4] = {&lo, &up, &ti, &fo};
      int (*fns[4])(uint32_t, uint32_t *) = {wf_uc_to_lower, wf_uc_to_upper, wf_uc_to_title, wf_uc_to_fold};
      static const char *cnames[4] = {"lower", "upper", "title", "casefold"};
      for (int k = 0; k < 4; k++) {
        int n = fns[k](cp, out);
        t.check(cnames[k], std::vector<uint32_t>(out, out + n) == expect_mapping(cp, *fs[k]), w);
      }
    }
  }
  EXPECT_EQ(next, 0x110000u);
  t.report();
}

TEST(Unicode, EveryCodePointNameAndDecomposition) {
  std::unordered_map<uint32_t, std::string> names, decomps;
  {
    std::ifstream in(path("names.txt"));
    ASSERT_TRUE(in.good());
    std::string line;
    while (std::getline(in, line)) {
      size_t sp = line.find(' ');
      names[(uint32_t)std::stoul(line.substr(0, sp))] = line.substr(sp + 1);
    }
    std::ifstream in2(path("decomp.txt"));
    ASSERT_TRUE(in2.good());
    while (std::getline(in2, line)) {
      size_t sp = line.find(' ');
      decomps[(uint32_t)std::stoul(line.substr(0, sp))] = line.substr(sp + 1);
    }
  }
  Tally t;
  char buf[WF_UC_NAME_MAX + 1];
  size_t longest = 0;
  for (uint32_t cp = 0; cp < 0x110000; cp++) {
    size_t n = wf_uc_name(cp, buf, sizeof buf);
    auto it = names.find(cp);
    std::string want = it == names.end() ? "" : it->second;
    longest = std::max(longest, want.size());
    t.check("name", n == want.size() && want == buf, hx(cp) + " got '" + buf + "' want '" + want + "'");
    char d[128];
    size_t dn = wf_uc_decomposition_str(cp, d, sizeof d);
    auto jt = decomps.find(cp);
    std::string dwant = jt == decomps.end() ? "" : jt->second;
    t.check("decomposition", dn == dwant.size() && dwant == d, hx(cp));
  }
  std::printf("  %zu named code points, longest name %zu bytes\n", names.size(), longest);
  // truncation keeps the NUL
  char small[6];
  EXPECT_EQ(wf_uc_name(0x41, small, sizeof small), std::string("LATIN CAPITAL LETTER A").size());
  EXPECT_STREQ(small, "LATIN");
  t.report();
}

TEST(Unicode, Lookup) {
  std::ifstream in(path("lookup.txt"));
  ASSERT_TRUE(in.good());
  Tally t;
  std::string line;
  while (std::getline(in, line)) {
    size_t bar = line.find('|');
    std::string name = line.substr(bar + 1);
    int32_t got = wf_uc_lookup(name.data(), name.size());
    uint32_t seq[WF_UC_NAMED_SEQ_MAX];
    int ns = wf_uc_lookup_named_sequence(name.data(), name.size(), seq);
    if (line[0] == 's') {
      t.check("lookup (sequence)", got == -1 && fmt_cps(seq, (size_t)ns) == line.substr(1, bar - 1), name);
      continue;
    }
    int32_t want = (int32_t)std::stol(line.substr(0, bar));
    t.check("lookup (not a sequence)", ns == 0, name);
    t.check(want < 0 ? "lookup (miss)" : "lookup (hit)", got == want,
            "'" + name + "' got " + std::to_string(got) + " want " + std::to_string(want));
  }
  t.report();
}

// CPython 3.11's string-level case algorithms, over our per-character data.
std::vector<uint32_t> str_case(const std::string &op, const std::vector<uint32_t> &s) {
  std::vector<uint32_t> r;
  uint32_t out[WF_UC_CASE_MAX];
  bool prev_cased = false;
  for (size_t i = 0; i < s.size(); i++) {
    uint32_t c = s[i];
    int n;
    if (op == "lower") {
      n = wf_uc_to_lower_at(s.data(), 4, s.size(), i, out);
    } else if (op == "upper") {
      n = wf_uc_to_upper(c, out);
    } else if (op == "casefold") {
      n = wf_uc_to_fold(c, out);
    } else if (op == "title") {
      n = prev_cased ? wf_uc_to_lower_at(s.data(), 4, s.size(), i, out) : wf_uc_to_title(c, out);
      prev_cased = wf_uc_iscased(c);
    } else if (op == "capitalize") {
      n = i == 0 ? wf_uc_to_title(c, out) : wf_uc_to_lower_at(s.data(), 4, s.size(), i, out);
    } else {  // swapcase
      if (wf_uc_isupper(c))
        n = wf_uc_to_lower_at(s.data(), 4, s.size(), i, out);
      else if (wf_uc_islower(c))
        n = wf_uc_to_upper(c, out);
      else
        out[0] = c, n = 1;
    }
    r.insert(r.end(), out, out + n);
  }
  return r;
}

int str_pred(const std::string &op, const std::vector<uint32_t> &s) {
  if (op == "isidentifier") {
    if (s.empty() || !(wf_uc_isxid_start(s[0]) || s[0] == '_')) return 0;
    for (size_t i = 1; i < s.size(); i++)
      if (!wf_uc_isxid_continue(s[i])) return 0;
    return 1;
  }
  bool cased = false, prev = false;
  for (uint32_t c : s) {
    bool up = wf_uc_isupper(c), lo = wf_uc_islower(c), ti = wf_uc_istitle(c);
    if (op == "islower") {
      if (up || ti) return 0;
      cased |= lo;
    } else if (op == "isupper") {
      if (lo || ti) return 0;
      cased |= up;
    } else {  // istitle
      if (up || ti) {
        if (prev) return 0;
        prev = cased = true;
      } else if (lo) {
        if (!prev) return 0;
        prev = cased = true;
      } else {
        prev = false;
      }
    }
  }
  return cased;
}

TEST(Unicode, StringsCaseAndNormalization) {
  std::ifstream in(path("strings.txt"));
  ASSERT_TRUE(in.good());
  Tally t;
  std::string line;
  std::map<std::string, wf_uc_form_t> forms = {
      {"NFC", WF_UC_NFC}, {"NFD", WF_UC_NFD}, {"NFKC", WF_UC_NFKC}, {"NFKD", WF_UC_NFKD}};
  while (std::getline(in, line)) {
    std::istringstream ls(line);
    std::string op, a, b;
    ls >> op >> a >> b;
    std::vector<uint32_t> s = parse_cps(a);
    if (forms.count(op)) {
      wf_uc_form_t f = forms[op];
      size_t n;
      uint32_t *r = wf_uc_normalize_alloc(f, s.data(), s.size(), &n);
      ASSERT_NE(r, nullptr);
      std::string got = fmt_cps(r, n);
      std::free(r);
      // and the caller-buffer form with an exact-size buffer
      std::vector<uint32_t> want = parse_cps(b);
      std::vector<uint32_t> buf(want.size() + 1);
      size_t m = wf_uc_normalize(f, s.data(), s.size(), buf.data(), want.size());
      bool ok2 = true;
      if (m > want.size()) {
        buf.resize(m);
        m = wf_uc_normalize(f, s.data(), s.size(), buf.data(), m);
      }
      ok2 = m == want.size() && std::equal(want.begin(), want.end(), buf.begin());
      t.check(op, got == b && ok2, a + " -> " + got + " want " + b);
    } else if (op.rfind("isNF", 0) == 0) {
      int got = wf_uc_is_normalized(forms[op.substr(2)], s.data(), s.size());
      t.check(op == "isNFC" || op == "isNFKC" ? "is_normalized C" : "is_normalized D", got == std::stoi(b),
              op + " " + a);
    } else if (op.rfind("is", 0) == 0) {
      t.check(op, str_pred(op, s) == std::stoi(b), a);
    } else {
      std::string got = fmt_cps(str_case(op, s).data(), str_case(op, s).size());
      t.check("str." + op, got == b, a + " -> " + got + " want " + b);
    }
  }
  t.report();
}

TEST(Unicode, Basics) {
  uint32_t out[3];
  EXPECT_EQ(wf_uc_to_upper(0xDF, out), 2);
  EXPECT_EQ(out[0], 'S');
  EXPECT_EQ(out[1], 'S');
  EXPECT_TRUE(wf_uc_isxid_start(0x1D400));
  EXPECT_FALSE(wf_uc_isprintable(0x20AC + 0x10000000));  // out of range: unassigned
  uint32_t nfkc_in[] = {0xFB01, 0x2075};                   // ﬁ⁵ -> fi5
  uint32_t r[8];
  ASSERT_EQ(wf_uc_normalize(WF_UC_NFKC, nfkc_in, 2, r, 8), 3u);
  EXPECT_EQ(r[0], 'f');
  EXPECT_EQ(r[2], '5');
  EXPECT_EQ(wf_uc_normalize(WF_UC_NFKC, nfkc_in, 2, r, 1), 3u);  // too small: needed size
  EXPECT_EQ(wf_uc_lookup("SNOWMAN", 7), 0x2603);
}

}  // namespace
