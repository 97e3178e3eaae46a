// Small C++ helpers over wf_bigint for the tests and the benchmark.
#ifndef WF_BIGINT_TEST_UTIL_H
#define WF_BIGINT_TEST_UTIL_H

#include <cstdint>
#include <string>
#include <vector>

#include "wf_bigint.h"

namespace wfbt {

// A signed value with its own storage (d may be longer than |s| digits).
struct Big {
  std::vector<uint32_t> d;
  ptrdiff_t s = 0;
  size_t n() const { return (size_t)(s < 0 ? -s : s); }
  const uint32_t *p() const { return d.empty() ? nullptr : d.data(); }
  static Big parse(const std::string &txt, int base) {
    Big b;
    b.d.assign(wf_bigint_from_str_size(txt.size(), base) + 1, 0);
    int st = wf_bigint_from_str(b.d.data(), &b.s, txt.data(), txt.size(), base, 0, nullptr);
    if (st) throw std::runtime_error("bad number: " + txt.substr(0, 40));
    return b;
  }
  static Big hex(const std::string &txt) { return parse(txt, 16); }
  std::string to_base(int base) const {
    std::string out(wf_bigint_to_str_size(p(), s, base), '\0');
    size_t len;
    wf_bigint_to_str(&out[0], &len, p(), s, base, 0);
    out.resize(len);
    return out;
  }
  std::string to_hex() const { return to_base(16); }
};

inline std::string err_string(int st, long num1 = 0, size_t num2 = 0) {
  static const char *names[] = {"", "MemoryError", "ZeroDivisionError", "ValueError",
                                "OverflowError", "FloatPow"};
  char buf[512];
  wf_bigint_format_error(buf, sizeof buf, st, num1, num2, "");
  return std::string("!") + names[wf_bigint_error_kind(st)] + ":" + buf;
}

}  // namespace wfbt

#endif
