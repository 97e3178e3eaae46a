// 8 threads mutate shared lists, sets and bytearrays while collections run.
#include <gtest/gtest.h>

#include <cstdlib>

#include "containers_shim.h"

static int iters(int dflt) {
  const char *s = std::getenv("WEFT_CONT_STRESS_ITERS");
  return s ? std::atoi(s) : dflt;
}

TEST(ContainersStress, List) {
  char msg[512] = "";
  EXPECT_EQ(cont_stress_list(8, iters(20000), msg, sizeof msg), 0) << msg;
}

TEST(ContainersStress, Set) {
  char msg[512] = "";
  EXPECT_EQ(cont_stress_set(8, iters(20000), msg, sizeof msg), 0) << msg;
}

TEST(ContainersStress, Bytearray) {
  char msg[512] = "";
  EXPECT_EQ(cont_stress_bytearray(8, iters(20000) / 4, msg, sizeof msg), 0) << msg;
}
