// Float conversion library vs python3.11: every expectation below comes from
// vectors written by gen_vectors.py (run by the build with /usr/bin/python3.11),
// plus a few hand-written edge cases.
#include <gtest/gtest.h>

#include <chrono>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "wf_float.h"

namespace {

struct Lines {
  std::string data;
  std::vector<std::vector<std::string_view>> rows;
};

// Read a tab-separated vector file; fields keep leading/trailing spaces.
bool load(const char *name, Lines *out) {
  std::string path = std::string(FLOAT_VEC_DIR) + "/" + name;
  FILE *f = fopen(path.c_str(), "rb");
  if (!f) return false;
  char buf[1 << 16];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) out->data.append(buf, n);
  fclose(f);
  std::string_view all(out->data);
  size_t pos = 0;
  while (pos < all.size()) {
    size_t nl = all.find('\n', pos);
    if (nl == std::string_view::npos) nl = all.size();
    std::string_view line = all.substr(pos, nl - pos);
    std::vector<std::string_view> fields;
    size_t fp = 0;
    for (;;) {
      size_t t = line.find('\t', fp);
      if (t == std::string_view::npos) {
        fields.push_back(line.substr(fp));
        break;
      }
      fields.push_back(line.substr(fp, t - fp));
      fp = t + 1;
    }
    out->rows.push_back(std::move(fields));
    pos = nl + 1;
  }
  return true;
}

double from_hexbits(std::string_view s) {
  uint64_t b = std::stoull(std::string(s), nullptr, 16);
  double d;
  memcpy(&d, &b, sizeof d);
  return d;
}

std::string hexbits(double d) {
  uint64_t b;
  memcpy(&b, &d, sizeof b);
  char buf[20];
  snprintf(buf, sizeof buf, "%016" PRIx64, b);
  return buf;
}

std::string repr(double x) {
  char buf[WF_FLOAT_REPR_MAX];
  size_t n = wf_float_repr(x, buf, sizeof buf);
  return std::string(buf, n);
}

bool same(double a, double b) {
  if (std::isnan(a) && std::isnan(b)) return std::signbit(a) == std::signbit(b);
  return memcmp(&a, &b, sizeof a) == 0;
}

#define LOAD(name, var)                                   \
  Lines var;                                              \
  ASSERT_TRUE(load(name, &var)) << "missing vector " name

}  // namespace

TEST(FloatRepr, EdgeCases) {
  EXPECT_EQ(repr(0.0), "0.0");
  EXPECT_EQ(repr(-0.0), "-0.0");
  EXPECT_EQ(repr(1.0), "1.0");
  EXPECT_EQ(repr(1e16), "1e+16");
  EXPECT_EQ(repr(1e-5), "1e-05");
  EXPECT_EQ(repr(0.0001), "0.0001");
  EXPECT_EQ(repr(0.1), "0.1");
  EXPECT_EQ(repr(5e-324), "5e-324");
  EXPECT_EQ(repr(1.7976931348623157e308), "1.7976931348623157e+308");
  EXPECT_EQ(repr(INFINITY), "inf");
  EXPECT_EQ(repr(-INFINITY), "-inf");
  EXPECT_EQ(repr(NAN), "nan");
  EXPECT_EQ(repr(-NAN), "nan");
  EXPECT_EQ(repr(123456789012345680.0), "1.2345678901234568e+17");
  EXPECT_EQ(repr(-2.2250738585072014e-308), "-2.2250738585072014e-308");
  // snprintf conventions
  char small[4];
  EXPECT_EQ(wf_float_repr(0.1234, small, sizeof small), 6u);
  EXPECT_STREQ(small, "0.1");
}

TEST(FloatRepr, MillionVsPython) {
  LOAD("repr.txt", v);
  size_t n = 0, ok = 0, rt = 0;
  for (auto &row : v.rows) {
    if (row.size() < 2) continue;
    double x = from_hexbits(row[0]);
    std::string r = repr(x);
    n++;
    if (r == row[1]) ok++;
    else if (n - ok < 10) ADD_FAILURE() << row[0] << ": got " << r << " want " << row[1];
    double back;
    if (wf_float_parse(r.data(), r.size(), WF_FLOAT_PARSE_PYTHON, &back, nullptr) >= 0 &&
        same(back, x))
      rt++;
    else if (n - rt < 10)
      ADD_FAILURE() << "round trip " << r << " -> " << hexbits(back) << " want " << row[0];
  }
  EXPECT_EQ(ok, n);
  EXPECT_EQ(rt, n);
  EXPECT_GE(n, 1000000u / 20);
  printf("[ repr ] %zu vectors, %zu match python3.11, %zu round-trip\n", n, ok, rt);
}

TEST(FloatRepr, Speed) {
  // ns per repr over random bit patterns (informational).
  uint64_t s = 0x9e3779b97f4a7c15ull;
  std::vector<double> xs;
  while (xs.size() < 200000) {
    s ^= s << 13; s ^= s >> 7; s ^= s << 17;
    double d;
    memcpy(&d, &s, sizeof d);
    if (std::isfinite(d)) xs.push_back(d);
  }
  char buf[WF_FLOAT_REPR_MAX];
  size_t total = 0;
  auto t0 = std::chrono::steady_clock::now();
  for (double d : xs) total += wf_float_repr(d, buf, sizeof buf);
  auto t1 = std::chrono::steady_clock::now();
  std::vector<double> ys;
  for (int i = 0; i < 200000; i++) ys.push_back((i % 10000) * 0.01 + i);
  auto t2 = std::chrono::steady_clock::now();
  for (double d : ys) total += wf_float_repr(d, buf, sizeof buf);
  auto t3 = std::chrono::steady_clock::now();
  double ns1 = std::chrono::duration<double, std::nano>(t1 - t0).count() / xs.size();
  double ns2 = std::chrono::duration<double, std::nano>(t3 - t2).count() / ys.size();
  printf("[ speed ] repr: %.0f ns/op random bits, %.0f ns/op everyday values (%zu chars)\n",
         ns1, ns2, total);
}

TEST(FloatHex, VsPython) {
  LOAD("hex.txt", v);
  size_t n = 0, ok = 0;
  for (auto &row : v.rows) {
    if (row.size() < 2) continue;
    double x = from_hexbits(row[0]);
    char buf[WF_FLOAT_HEX_MAX];
    size_t len = wf_float_hex(x, buf, sizeof buf);
    n++;
    if (std::string(buf, len) == row[1]) ok++;
    else if (n - ok < 10) ADD_FAILURE() << row[0] << ": got " << buf << " want " << row[1];
    // and back
    double back;
    if (wf_float_fromhex(buf, len, &back) != WF_FLOAT_OK || !same(back, x))
      ADD_FAILURE() << "fromhex(" << buf << ")";
  }
  EXPECT_EQ(ok, n);
  printf("[ hex ] %zu vectors, %zu match\n", n, ok);
}

TEST(FloatFromHex, VsPython) {
  LOAD("fromhex.txt", v);
  size_t n = 0, ok = 0;
  for (auto &row : v.rows) {
    if (row.size() < 2) continue;
    double d = 0;
    int rc = wf_float_fromhex(row[0].data(), row[0].size(), &d);
    std::string got = rc == WF_FLOAT_INVALID ? "ERR" : rc == WF_FLOAT_OVERFLOW ? "OVF" : hexbits(d);
    n++;
    if (got == row[1]) ok++;
    else if (n - ok < 10) ADD_FAILURE() << "'" << row[0] << "': got " << got << " want " << row[1];
  }
  EXPECT_EQ(ok, n);
  printf("[ fromhex ] %zu vectors, %zu match\n", n, ok);
}

TEST(FloatParse, VsPython) {
  LOAD("parse.txt", v);
  size_t n = 0, ok = 0;
  for (auto &row : v.rows) {
    if (row.size() < 2) continue;
    double d = 0;
    int rc = wf_float_parse(row[0].data(), row[0].size(), WF_FLOAT_PARSE_PYTHON, &d, nullptr);
    std::string got = rc == WF_FLOAT_INVALID ? "ERR"
                      : rc == WF_FLOAT_OVERFLOW ? "OVF:" + hexbits(d) : hexbits(d);
    n++;
    if (got == row[1]) ok++;
    else if (n - ok < 10) ADD_FAILURE() << "'" << row[0] << "': got " << got << " want " << row[1];
  }
  EXPECT_EQ(ok, n);
  printf("[ parse ] %zu vectors, %zu match python3.11 float()\n", n, ok);
}

TEST(FloatParse, PrefixAndFlags) {
  double d;
  size_t used;
  EXPECT_EQ(wf_float_parse("1.5e+x", 6, 0, &d, &used), WF_FLOAT_OK);
  EXPECT_EQ(used, 3u);
  EXPECT_EQ(d, 1.5);
  EXPECT_EQ(wf_float_parse("12_3", 4, 0, &d, &used), WF_FLOAT_OK);
  EXPECT_EQ(used, 2u);
  EXPECT_EQ(wf_float_parse("12_3", 4, WF_FLOAT_PARSE_UNDERSCORES, &d, &used), WF_FLOAT_OK);
  EXPECT_EQ(used, 4u);
  EXPECT_EQ(d, 123.0);
  EXPECT_EQ(wf_float_parse("inf", 3, 0, &d, nullptr), WF_FLOAT_INVALID);
  EXPECT_EQ(wf_float_parse(" 1", 2, 0, &d, nullptr), WF_FLOAT_INVALID);
  EXPECT_EQ(wf_float_parse("-nan", 4, WF_FLOAT_PARSE_SPECIALS, &d, nullptr), WF_FLOAT_OK);
  EXPECT_TRUE(std::isnan(d) && std::signbit(d));
  EXPECT_EQ(wf_float_parse("1e500", 5, 0, &d, nullptr), WF_FLOAT_OVERFLOW);
  EXPECT_TRUE(std::isinf(d));
  EXPECT_EQ(wf_float_parse("-.e1", 4, 0, &d, &used), WF_FLOAT_INVALID);
  EXPECT_EQ(used, 0u);
}

TEST(FloatFormat, VsPython) {
  LOAD("format.txt", v);
  size_t n = 0, ok = 0, errs = 0;
  std::vector<char> buf(1 << 16);
  for (auto &row : v.rows) {
    if (row.size() < 3) continue;
    double x = from_hexbits(row[0]);
    std::string_view spec = row[1];
    wf_format_spec fs;
    std::string got;
    int rc = wf_format_spec_parse(spec.data(), spec.size(), 0, '>', &fs);
    size_t len = 0;
    if (rc == WF_FMT_OK) rc = wf_float_format(x, &fs, buf.data(), buf.size(), &len);
    if (rc != WF_FMT_OK) {
      char msg[512];
      size_t ml = wf_format_error_text(rc, &fs, spec.data(), spec.size(), "float", "float",
                                       msg, sizeof msg);
      got = "ERR:" + std::string(msg, ml);
      errs++;
    } else {
      ASSERT_LT(len, buf.size());
      got.assign(buf.data(), len);
    }
    n++;
    if (got == row[2]) ok++;
    else if (n - ok < 20)
      ADD_FAILURE() << "format(" << row[0] << ", '" << spec << "'): got '" << got << "' want '"
                    << row[2] << "'";
  }
  EXPECT_EQ(ok, n);
  printf("[ format ] %zu vectors (%zu ValueError), %zu match python3.11 format()\n", n, errs, ok);
}

TEST(FloatFormat, PercentBodies) {
  LOAD("pct.txt", v);
  size_t n = 0, ok = 0;
  std::vector<char> buf(1 << 16);
  for (auto &row : v.rows) {
    if (row.size() < 5) continue;
    double x = from_hexbits(row[0]);
    char code = row[1][0];
    long prec = std::stol(std::string(row[2]));
    unsigned flags = 0;
    for (char c : row[3]) {
      if (c == '#') flags |= WF_DTSF_ALT;
      if (c == '+') flags |= WF_DTSF_SIGN;
      if (c == ' ') flags |= WF_DTSF_SPACE;
    }
    size_t len = wf_float_to_string(x, code, prec, flags, buf.data(), buf.size());
    std::string got(buf.data(), len);
    n++;
    if (got == row[4]) ok++;
    else if (n - ok < 10)
      ADD_FAILURE() << row[0] << " %" << row[3] << "." << prec << code << ": got " << got
                    << " want " << row[4];
  }
  EXPECT_EQ(ok, n);
  printf("[ %%-format ] %zu vectors, %zu match\n", n, ok);
}

TEST(FloatRound, VsPython) {
  LOAD("round.txt", v);
  size_t n = 0, ok = 0;
  for (auto &row : v.rows) {
    if (row.size() < 3) continue;
    double x = from_hexbits(row[0]);
    long nd = std::stol(std::string(row[1]));
    double r;
    int rc = wf_float_round(x, nd, &r);
    std::string got = rc == WF_FLOAT_OVERFLOW ? "OVF" : hexbits(r);
    n++;
    if (got == row[2]) ok++;
    else if (n - ok < 10)
      ADD_FAILURE() << "round(" << repr(x) << ", " << nd << "): got " << got << " want "
                    << row[2];
  }
  EXPECT_EQ(ok, n);
  printf("[ round ] %zu vectors, %zu match\n", n, ok);
}

TEST(FormatSpec, Generic) {
  wf_format_spec fs;
  // str-style defaults: '0' keeps '<'
  ASSERT_EQ(wf_format_spec_parse("05", 2, 's', '<', &fs), WF_FMT_OK);
  EXPECT_EQ(fs.fill, (uint32_t)'0');
  EXPECT_EQ(fs.align, '<');
  char out[64];
  size_t n = wf_format_pad_text(&fs, "ab", 2, 2, out, sizeof out);
  EXPECT_EQ(std::string(out, n), "ab000");
  // int-style: '#010x' -> prefix after sign, zero pad after prefix
  ASSERT_EQ(wf_format_spec_parse("#010x", 5, 'd', '>', &fs), WF_FMT_OK);
  wf_format_number num = {};
  num.prefix = "0x";
  num.prefix_len = 2;
  num.int_digits = "ff";
  num.int_len = 2;
  num.rest = "";
  num.group_size = 4;
  n = wf_format_pad_number(&fs, &num, out, sizeof out);
  EXPECT_EQ(std::string(out, n), "0x000000ff");
  ASSERT_EQ(wf_format_spec_parse("_x", 2, 'd', '>', &fs), WF_FMT_OK);
  num.prefix_len = 0;
  num.int_digits = "deadbeef";
  num.int_len = 8;
  n = wf_format_pad_number(&fs, &num, out, sizeof out);
  EXPECT_EQ(std::string(out, n), "dead_beef");
  ASSERT_EQ(wf_format_spec_parse(",x", 2, 'd', '>', &fs), WF_FMT_ERR_GROUPING_TYPE);
  n = wf_format_error_text(WF_FMT_ERR_GROUPING_TYPE, &fs, ",x", 2, "int", "integer", out,
                           sizeof out);
  EXPECT_EQ(std::string(out, n), "Cannot specify ',' with 'x'.");
  n = wf_format_error_text(WF_FMT_ERR_SIGN, &fs, "", 0, "str", "string", out, sizeof out);
  EXPECT_EQ(std::string(out, n), "Sign not allowed in string format specifier");
  // fill may be any code point
  ASSERT_EQ(wf_format_spec_parse("\xf0\x9f\x98\x80^5", 6, 's', '<', &fs), WF_FMT_OK);
  EXPECT_EQ(fs.fill, 0x1F600u);
  n = wf_format_pad_text(&fs, "a", 1, 1, out, sizeof out);
  EXPECT_EQ(std::string(out, n), "\xf0\x9f\x98\x80\xf0\x9f\x98\x80" "a\xf0\x9f\x98\x80\xf0\x9f\x98\x80");
}

TEST(FloatThreads, ConcurrentCallsAgree) {
  // No shared mutable state: four threads formatting and parsing the same
  // values must agree with a single-threaded run.
  std::vector<double> xs;
  uint64_t st = 12345;
  while (xs.size() < 20000) {
    st = st * 6364136223846793005ull + 1442695040888963407ull;
    double d;
    memcpy(&d, &st, sizeof d);
    if (std::isfinite(d)) xs.push_back(d);
  }
  auto work = [&](std::vector<std::string> *out) {
    char buf[256];
    for (double d : xs) {
      size_t n = wf_float_repr(d, buf, sizeof buf);
      std::string s(buf, n);
      n = wf_float_to_string(d, 'e', 30, 0, buf, sizeof buf);
      s.append(buf, n);
      double back;
      wf_float_parse(buf, n, 0, &back, nullptr);
      s += hexbits(back);
      out->push_back(s);
    }
  };
  std::vector<std::string> ref;
  work(&ref);
  std::vector<std::vector<std::string>> res(4);
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; i++) ts.emplace_back(work, &res[i]);
  for (auto &t : ts) t.join();
  for (int i = 0; i < 4; i++) EXPECT_TRUE(res[i] == ref) << "thread " << i;
}
