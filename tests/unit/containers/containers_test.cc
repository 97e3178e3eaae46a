// Container types vs python3.11: vectors generated at build time by
// gen_cases.py (CONT_CASES_DIR), evaluated through the runtime by the C shim.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "containers_shim.h"

static void run_file(const std::string &path) {
  cont_init();
  std::ifstream in(path);
  ASSERT_TRUE(in.good()) << "cannot read " << path;
  std::string line;
  int total = 0, failed = 0;
  char msg[4096];
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    total++;
    int rc = cont_run_line(line.c_str(), msg, sizeof msg);
    if (rc != 0) {
      failed++;
      if (failed <= 400) ADD_FAILURE() << msg << "\n  line: " << line.substr(0, 300);
    }
  }
  EXPECT_EQ(failed, 0) << failed << " of " << total << " cases failed";
  EXPECT_GT(total, 0);
  std::printf("%s: %d cases, %d failed\n", path.c_str(), total, failed);
}

TEST(Containers, VectorsMain) {
  // Generated with PYTHONHASHSEED=0 (str hashes decide the order of mixed sets).
  const char *seed = std::getenv("PYTHONHASHSEED");
  if (!seed || std::string(seed) != "0") GTEST_SKIP() << "vectors are for PYTHONHASHSEED=0";
  run_file(std::string(CONT_CASES_DIR) + "/cases_main.txt");
}

TEST(Containers, SetOrderThisSeed) {
  const char *seed = std::getenv("PYTHONHASHSEED");
  std::string s = seed ? seed : "0";
  run_file(std::string(CONT_CASES_DIR) + "/cases_setorder_seed" + s + ".txt");
}

TEST(Containers, ExtraFile) {
  const char *f = std::getenv("WF_CONT_CASES_FILE");
  if (!f) GTEST_SKIP() << "WF_CONT_CASES_FILE not set";
  run_file(f);
}

TEST(Containers, SortRandomStable) {
  char msg[512] = "";
  EXPECT_EQ(cont_sort_random(60, msg, sizeof msg), 0) << msg;
}
