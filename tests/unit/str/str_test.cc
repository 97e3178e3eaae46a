// str vs python3.11: vectors generated at build time by gen_str_cases.py
// (PYTHONHASHSEED=0 for the main file; hash cases for a second seed run in a
// second ctest entry with that seed in the environment), plus direct checks.
#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <string>

#include "str_shim.h"

static void run_file(const std::string &path) {
  str_shim_init();
  std::ifstream in(path);
  ASSERT_TRUE(in.good()) << "cannot open " << path;
  std::string line;
  long total = 0, ok = 0;
  std::map<std::string, std::pair<long, long>> per_op;
  int shown = 0;
  const char *only = std::getenv("WF_STR_ONLY"); /* debugging: run one op */
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    if (only && line.compare(0, line.find('\t'), only) != 0) continue;
    const char *expected = nullptr;
    char *actual = str_shim_run(line.c_str(), &expected);
    std::string op = line.substr(0, line.find('\t'));
    bool match = expected && std::strcmp(actual, expected) == 0;
    total++;
    per_op[op].first++;
    if (match) {
      ok++;
      per_op[op].second++;
    } else if (shown++ < (std::getenv("WF_STR_SHOW") ? atoi(std::getenv("WF_STR_SHOW")) : 40)) {
      ADD_FAILURE() << "case: " << line << "\n  actual: " << actual;
    }
    std::free(actual);
  }
  for (auto &kv : per_op)
    if (kv.second.first != kv.second.second)
      std::printf("  %-14s %ld/%ld\n", kv.first.c_str(), kv.second.second, kv.second.first);
  std::printf("%s: %ld cases, %ld match\n", path.c_str(), total, ok);
  EXPECT_EQ(total, ok);
}

TEST(StrVectors, Python311) {
  const char *f = std::getenv("WF_STR_CASES_FILE");
  run_file(f ? f : WF_STR_CASES_DIR "/cases_seed0.txt");
}

TEST(StrChecks, Layout) {
  const char *what = "";
  int line = str_checks_layout(&what);
  EXPECT_EQ(line, 0) << what;
}

TEST(StrChecks, InternThreads) {
  const char *what = "";
  int line = str_checks_intern_threads(&what);
  EXPECT_EQ(line, 0) << what;
}

TEST(StrChecks, Utf8CacheSurvivesCollections) {
  const char *what = "";
  int line = str_checks_gc(&what);
  EXPECT_EQ(line, 0) << what;
}
