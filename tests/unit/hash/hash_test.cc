// Differential tests of vm/lib hashing against python3.11: the expected
// values are written at build time by gen_hash_cases.py (run under
// PYTHONHASHSEED=<seed>) into the build directory.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "wf_hash.h"

namespace {

std::vector<std::string> split(const std::string &s, char sep) {
  std::vector<std::string> out;
  if (s == "-") return out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, sep)) out.push_back(item);
  return out;
}

double bits_to_double(const std::string &hex) {
  uint64_t b = std::stoull(hex, nullptr, 16);
  double d;
  std::memcpy(&d, &b, 8);
  return d;
}

void run_file(uint32_t seed, const char *name) {
  wf_hash_init_from_seed(seed);
  std::string path = std::string(WF_HASH_CASES_DIR) + "/" + name;
  std::ifstream in(path);
  ASSERT_TRUE(in.good()) << path;
  std::string line;
  std::map<char, int> checked;
  int failures = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::istringstream ls(line);
    std::string tag;
    ls >> tag;
    char k = tag[0];
    wf_hash_t got = 0, want = 0;
    switch (k) {
      case 'S': {
        int kind;
        std::string cps;
        ls >> kind >> cps >> want;
        std::vector<uint32_t> v;
        for (auto &h : split(cps, ',')) v.push_back((uint32_t)std::stoul(h, nullptr, 16));
        if (kind == 1) {
          std::vector<uint8_t> b(v.begin(), v.end());
          got = wf_hash_latin1(b.data(), b.size());
        } else if (kind == 2) {
          std::vector<uint16_t> b(v.begin(), v.end());
          got = wf_hash_ucs2(b.data(), b.size());
        } else {
          got = wf_hash_ucs4(v.data(), v.size());
        }
        break;
      }
      case 'B': {
        std::string hex;
        ls >> hex >> want;
        std::vector<uint8_t> b;
        if (hex != "-")
          for (size_t i = 0; i < hex.size(); i += 2) b.push_back((uint8_t)std::stoul(hex.substr(i, 2), nullptr, 16));
        got = wf_hash_bytes(b.data(), b.size());
        break;
      }
      case 'I': {
        int sign;
        std::string ds;
        ls >> sign >> ds >> want;
        std::vector<uint32_t> d;
        for (auto &h : split(ds, ',')) d.push_back((uint32_t)std::stoul(h, nullptr, 16));
        got = wf_hash_int_digits(d.data(), d.size(), sign);
        if (d.size() <= 2 || (d.size() == 3 && d[2] < 8)) {
          // fits in int64 (|v| < 2**63): check the fast path too
          uint64_t mag = 0;
          for (size_t i = d.size(); i-- > 0;) mag = (mag << 30) | d[i];
          int64_t v = sign < 0 ? -(int64_t)mag : (int64_t)mag;
          EXPECT_EQ(wf_hash_int64(v), want) << line;
        }
        break;
      }
      case 'F': {
        std::string hex;
        ls >> hex >> want;
        got = wf_hash_double(bits_to_double(hex), nullptr);
        break;
      }
      case 'N': {
        unsigned long long id;
        std::string hex;
        ls >> id >> hex >> want;
        got = wf_hash_double(bits_to_double(hex), (const void *)(uintptr_t)id);
        EXPECT_EQ(wf_hash_pointer((const void *)(uintptr_t)id), want);
        break;
      }
      case 'C': {
        std::string a, b;
        ls >> a >> b >> want;
        got = wf_hash_complex(bits_to_double(a), bits_to_double(b), nullptr);
        break;
      }
      case 'T':
      case 'Z': {
        std::string hs;
        ls >> hs >> want;
        std::vector<wf_hash_t> h;
        for (auto &x : split(hs, ',')) h.push_back((wf_hash_t)std::stoll(x));
        got = k == 'T' ? wf_hash_tuple(h.data(), h.size()) : wf_hash_frozenset(h.data(), h.size());
        break;
      }
      default:
        FAIL() << "bad line " << line;
    }
    checked[k]++;
    if (got != want) {
      if (++failures < 20) ADD_FAILURE() << "seed " << seed << ": " << line.substr(0, 200) << " got " << got;
    }
  }
  EXPECT_EQ(failures, 0);
  for (auto &kv : checked) std::printf("  seed %u: %c %d cases\n", seed, kv.first, kv.second);
}

}  // namespace

TEST(Hash, Seed0AllKinds) { run_file(0, "cases_seed0.txt"); }
TEST(Hash, Seed42StrBytes) { run_file(42, "cases_seed42.txt"); }
TEST(Hash, SeedMaxStrBytes) { run_file(4294967295u, "cases_seed4294967295.txt"); }

TEST(Hash, ParseSeed) {
  int use;
  uint32_t seed;
  EXPECT_EQ(wf_hash_parse_seed(nullptr, &use, &seed), 0);
  EXPECT_EQ(use, 0);
  EXPECT_EQ(wf_hash_parse_seed("", &use, &seed), 0);
  EXPECT_EQ(use, 0);
  EXPECT_EQ(wf_hash_parse_seed("random", &use, &seed), 0);
  EXPECT_EQ(use, 0);
  EXPECT_EQ(wf_hash_parse_seed("0", &use, &seed), 0);
  EXPECT_EQ(use, 1);
  EXPECT_EQ(seed, 0u);
  EXPECT_EQ(wf_hash_parse_seed(" +12", &use, &seed), 0);
  EXPECT_EQ(seed, 12u);
  EXPECT_EQ(wf_hash_parse_seed("4294967295", &use, &seed), 0);
  EXPECT_EQ(seed, 4294967295u);
  EXPECT_EQ(wf_hash_parse_seed("4294967296", &use, &seed), -1);
  EXPECT_EQ(wf_hash_parse_seed("-1", &use, &seed), -1);
  EXPECT_EQ(wf_hash_parse_seed("12 ", &use, &seed), -1);
  EXPECT_EQ(wf_hash_parse_seed("0x10", &use, &seed), -1);
  EXPECT_EQ(wf_hash_parse_seed("Random", &use, &seed), -1);
}

TEST(Hash, SeedZeroIsZeroKeyAndRandomDiffers) {
  wf_hash_init_from_seed(0);
  for (unsigned char b : wf_hash_secret) EXPECT_EQ(b, 0);
  EXPECT_EQ(wf_hash_bytes("", 0), 0);
  unsigned char before[WF_HASH_SECRET_SIZE];
  ASSERT_EQ(wf_hash_init_from_env("random"), 0);
  std::memcpy(before, wf_hash_secret, sizeof before);
  ASSERT_EQ(wf_hash_init_from_env(nullptr), 0);
  EXPECT_NE(std::memcmp(before, wf_hash_secret, sizeof before), 0);
  EXPECT_EQ(wf_hash_init_from_env("bogus"), -1);
  ASSERT_EQ(wf_hash_init_from_env("0"), 0);
  for (unsigned char b : wf_hash_secret) EXPECT_EQ(b, 0);
}

TEST(Hash, Constants) {
  EXPECT_EQ(WF_HASH_MODULUS, (1ULL << 61) - 1);
  EXPECT_EQ(wf_hash_int64(-1), -2);
  EXPECT_EQ(wf_hash_double(-1.0, nullptr), -2);
  EXPECT_EQ(wf_hash_double(-0.0, nullptr), 0);
  EXPECT_EQ(wf_hash_int64(INT64_MIN), wf_hash_double(-9223372036854775808.0, nullptr));
  EXPECT_EQ(wf_hash_tuple(nullptr, 0), 5740354900026072187LL);
  EXPECT_EQ(wf_hash_frozenset(nullptr, 0), 133146708735736LL);
}
