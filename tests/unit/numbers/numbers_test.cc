// int / bool / float / complex against python3.11: the vectors written by
// gen_vectors.py at build time (WF_NUMBERS_VECTORS), evaluated by the C shim,
// plus direct C-contract checks and a thread test.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>

#include "numbers_shim.h"

namespace {

class Numbers : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { wf_numtest_init(); }
};

TEST_F(Numbers, Contract) { EXPECT_EQ(wf_numtest_contract(), 0); }

TEST_F(Numbers, ClassesAndFallbacks) { EXPECT_EQ(wf_numtest_classes(), 0); }

TEST_F(Numbers, VectorsVsPython311) {
  const char *path = getenv("WF_NUMBERS_VECTORS_FILE");
  if (!path) path = WF_NUMBERS_VECTORS;
  std::ifstream in(path);
  ASSERT_TRUE(in.good()) << "cannot open " << path;
  std::string line;
  struct Stat {
    long cases = 0, ok = 0;
  };
  std::map<std::string, Stat> stats;
  static char got[1024], want[1024];
  int shown = 0;
  const char *show_env = getenv("WF_NUMBERS_SHOW");
  int show_max = show_env ? atoi(show_env) : 60;
  long bad_lines = 0;
  while (std::getline(in, line)) {
    int rc = wf_numtest_line(line.c_str(), got, sizeof got, want, sizeof want);
    if (line.size() < 2 || line[0] != 't') {
      if (rc < 0) bad_lines++;
      continue;
    }
    std::string section = line.substr(2, line.find(' ', 2) - 2);
    Stat &s = stats[section];
    s.cases++;
    if (rc == 0) {
      s.ok++;
    } else if (shown++ < show_max) {
      ADD_FAILURE() << "\n  line: " << line.substr(0, 300) << "\n  got:  " << got << "\n  want: " << want;
    }
  }
  long total = 0, ok = 0;
  for (auto &kv : stats) {
    printf("  %-16s %6ld / %6ld\n", kv.first.c_str(), kv.second.ok, kv.second.cases);
    total += kv.second.cases;
    ok += kv.second.ok;
  }
  printf("  %-16s %6ld / %6ld\n", "total", ok, total);
  EXPECT_EQ(bad_lines, 0);
  EXPECT_EQ(ok, total);
}

TEST_F(Numbers, ThreadsWithCollections) { EXPECT_EQ(wf_numtest_threads(4, 3000), 0); }

}  // namespace
