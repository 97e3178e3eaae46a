// Self-checks that need no oracle: algebraic identities across the
// Karatsuba / Burnikel-Ziegler / divide-and-conquer thresholds, aliasing
// rules, error texts, and concurrent use from several threads.
#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <thread>

#include "bigint_test_util.h"

namespace {

using wfbt::Big;
using Digits = std::vector<uint32_t>;

Digits rand_digits(std::mt19937_64 &g, size_t n, int style) {
  Digits d(n);
  for (size_t i = 0; i < n; i++) {
    uint32_t x = (uint32_t)g() & WF_BIGINT_MASK;
    if (style == 1) x = (g() & 1) ? WF_BIGINT_MASK : 0;
    if (style == 2) x = (g() % 4 == 0) ? (uint32_t)(g() & WF_BIGINT_MASK) : WF_BIGINT_MASK;
    d[i] = x;
  }
  if (n) d[n - 1] |= 1u << (g() % 30);
  return d;
}

Digits schoolbook(const Digits &a, const Digits &b) {
  Digits r(a.size() + b.size() + 1, 0);
  for (size_t i = 0; i < a.size(); i++) {
    uint64_t c = 0;
    for (size_t j = 0; j < b.size(); j++) {
      c += (uint64_t)a[i] * b[j] + r[i + j];
      r[i + j] = (uint32_t)c & WF_BIGINT_MASK;
      c >>= 30;
    }
    r[i + b.size()] = (uint32_t)c;
  }
  while (!r.empty() && r.back() == 0) r.pop_back();
  return r;
}

Digits mul(const Digits &a, const Digits &b) {
  Digits r(a.size() + b.size() + 1);
  size_t n;
  EXPECT_EQ(wf_bigint_mul(r.data(), &n, a.data(), a.size(), b.data(), b.size()), 0);
  r.resize(n);
  return r;
}

TEST(BigintUnit, MulMatchesSchoolbookAcrossThresholds) {
  std::mt19937_64 g(1);
  const size_t sizes[] = {1, 2, 39, 40, 41, 59, 60, 61, 80, 81, 119, 160, 161, 333, 700};
  for (size_t na : sizes)
    for (size_t nb : sizes) {
      if (nb > na) continue;
      for (int style = 0; style < 3; style++) {
        Digits a = rand_digits(g, na, style), b = rand_digits(g, nb, style);
        ASSERT_EQ(mul(a, b), schoolbook(a, b)) << na << "x" << nb << " style " << style;
        ASSERT_EQ(mul(b, a), schoolbook(a, b));
        Digits c = a;  // squaring through both entry points
        ASSERT_EQ(mul(a, a), schoolbook(a, c));
        Digits r(2 * na);
        size_t n;
        ASSERT_EQ(wf_bigint_sqr(r.data(), &n, a.data(), na), 0);
        r.resize(n);
        ASSERT_EQ(r, schoolbook(a, c));
      }
    }
}

TEST(BigintUnit, DivremIdentityAcrossThresholds) {
  std::mt19937_64 g(2);
  const size_t sizes[] = {2, 3, 40, 79, 80, 81, 161, 250, 501, 1200};
  for (size_t nb : sizes)
    for (size_t nq : sizes)
      for (int style = 0; style < 3; style++) {
        Digits b = rand_digits(g, nb, style), q = rand_digits(g, nq, style);
        Digits r = rand_digits(g, nb, style);
        if (wf_bigint_cmp(r.data(), r.size(), b.data(), b.size()) >= 0) {
          r.resize(nb - 1);
          while (!r.empty() && r.back() == 0) r.pop_back();
        }
        Digits a = mul(q, b);
        Digits s(a.size() + 1);
        s.resize(wf_bigint_add(s.data(), a.data(), a.size(), r.data(), r.size()));
        Digits qq(s.size() - nb + 1 + 1), rr(nb);
        size_t nqq, nrr;
        ASSERT_EQ(wf_bigint_divrem(qq.data(), &nqq, rr.data(), &nrr, s.data(), s.size(), b.data(), nb), 0);
        qq.resize(nqq);
        rr.resize(nrr);
        ASSERT_EQ(qq, q) << nb << "/" << nq << " style " << style;
        ASSERT_EQ(rr, r);
        // quotient-only and remainder-only calls agree
        Digits q2(qq.size() + 2), r2(nb);
        ASSERT_EQ(wf_bigint_divrem(q2.data(), &nqq, nullptr, nullptr, s.data(), s.size(), b.data(), nb), 0);
        q2.resize(nqq);
        ASSERT_EQ(q2, q);
        ASSERT_EQ(wf_bigint_divrem(nullptr, nullptr, r2.data(), &nrr, s.data(), s.size(), b.data(), nb), 0);
        r2.resize(nrr);
        ASSERT_EQ(r2, r);
      }
}

TEST(BigintUnit, DecimalRoundTripLarge) {
  std::mt19937_64 g(3);
  for (size_t n : {10u, 121u, 500u, 3000u, 12000u}) {
    Big a;
    a.d = rand_digits(g, n, 0);
    a.s = -(ptrdiff_t)n;
    std::string s = a.to_base(10);
    Big b = Big::parse(s, 10);
    ASSERT_EQ(b.s, a.s);
    b.d.resize(n);
    ASSERT_EQ(b.d, a.d);
    for (int base : {3, 7, 36}) {
      Big c = Big::parse(a.to_base(base), base);
      c.d.resize(n);
      ASSERT_EQ(c.d, a.d) << "base " << base;
    }
  }
}

TEST(BigintUnit, AliasingInPlace) {
  Big a = Big::parse("-123456789012345678901234567890123456789", 10);
  Big b = Big::parse("98765432109876543210987654321", 10);
  a.d.resize(a.n() + 2);
  wf_bigint_sadd(a.d.data(), &a.s, a.p(), a.s, b.p(), b.s);
  EXPECT_EQ(a.to_base(10), "-123456788913580246791358024679135802468");
  wf_bigint_ssub(a.d.data(), &a.s, a.p(), a.s, b.p(), b.s);
  EXPECT_EQ(a.to_base(10), "-123456789012345678901234567890123456789");
  wf_bigint_sinvert(a.d.data(), &a.s, a.p(), a.s);
  EXPECT_EQ(a.to_base(10), "123456789012345678901234567890123456788");
  a.d.resize(a.n() + 10);
  ASSERT_EQ(wf_bigint_slshift(a.d.data(), &a.s, a.p(), a.s, 100), 0);
  ASSERT_EQ(wf_bigint_srshift(a.d.data(), &a.s, a.p(), a.s, 100), 0);
  EXPECT_EQ(a.to_base(10), "123456789012345678901234567890123456788");
}

TEST(BigintUnit, ErrorsAndMessages) {
  Big a = Big::parse("5", 10), z, r;
  r.d.resize(4);
  EXPECT_EQ(wf_bigint_spow(r.d.data(), &r.s, a.p(), a.s, Big::parse("-1", 10).p(), -1),
            WF_BIGINT_ENEG_POW);
  EXPECT_EQ(wf_bigint_error_kind(WF_BIGINT_ENEG_POW), WF_BIGINT_EXC_FLOAT_POW);
  EXPECT_EQ(wf_bigint_sdivmod(r.d.data(), &r.s, nullptr, nullptr, a.p(), a.s, nullptr, 0),
            WF_BIGINT_EZERODIV);
  EXPECT_STREQ(wf_bigint_error_message(WF_BIGINT_EZERODIV), "integer division or modulo by zero");
  char buf[300];
  wf_bigint_format_error(buf, sizeof buf, WF_BIGINT_ESTR_LIMIT_TO_INT, 4300, 4301, nullptr);
  EXPECT_STREQ(buf,
               "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; "
               "use sys.set_int_max_str_digits() to increase the limit");
  wf_bigint_format_error(buf, sizeof buf, WF_BIGINT_EINVALID_LITERAL, 10, 0, "'x'");
  EXPECT_STREQ(buf, "invalid literal for int() with base 10: 'x'");
  EXPECT_EQ(wf_bigint_slshift(r.d.data(), &r.s, a.p(), a.s, INT64_MAX), WF_BIGINT_ENOMEM);
  EXPECT_EQ(wf_bigint_error_kind(WF_BIGINT_ENOMEM), WF_BIGINT_EXC_MEMORY);
  // 0 ** big and 1 ** big and (-1) ** big need no memory
  Big e = Big::parse("123456789012345678901234567890123", 10);
  EXPECT_EQ(wf_bigint_spow(r.d.data(), &r.s, Big::parse("-1", 10).p(), -1, e.p(), e.s), 0);
  EXPECT_EQ(r.s, -1);
  EXPECT_EQ(wf_bigint_spow(r.d.data(), &r.s, nullptr, 0, e.p(), e.s), 0);
  EXPECT_EQ(r.s, 0);
}

TEST(BigintUnit, ThreadsShareNothing) {
  auto work = [](int seed, bool *ok) {
    std::mt19937_64 g((uint64_t)seed);
    *ok = true;
    for (int it = 0; it < 20 && *ok; it++) {
      Big a;
      a.d = rand_digits(g, 300 + (size_t)it * 10, 0);
      a.s = (ptrdiff_t)a.d.size();
      Big b = Big::parse(a.to_base(10), 10);
      b.d.resize(a.d.size());
      *ok = b.d == a.d;
    }
  };
  bool ok[4];
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; i++) ts.emplace_back(work, i, &ok[i]);
  for (auto &t : ts) t.join();
  for (bool o : ok) EXPECT_TRUE(o);
}

}  // namespace
