// The builtins module vs python3.11: vectors written at build time by
// gen_cases.py (PYTHONHASHSEED=0), the names of python3.11's builtins, and a
// thread stress of the iterator types.
#include <gtest/gtest.h>

#include <string>

#include "builtins_shim.h"

TEST(Builtins, Vectors) {
  static char report[65536];
  long fails = 0;
  long n = bi_run_cases(WF_BUILTINS_CASES_DIR "/cases.txt", &fails, report, sizeof report);
  ASSERT_GT(n, 1000) << "cannot read the vectors";
  EXPECT_EQ(fails, 0) << fails << " of " << n << " cases differ:\n" << report;
}

TEST(Builtins, Names) {
  static char report[8192];
#include "names.inc"
  int missing = bi_check_names(kNames, report, sizeof report);
  EXPECT_EQ(missing, 0) << "missing: " << report;
}

TEST(Builtins, IteratorThreads) {
  char msg[512];
  for (int round = 0; round < 3; round++) ASSERT_EQ(bi_stress(8, 20000, msg, sizeof msg), 0) << msg;
}
