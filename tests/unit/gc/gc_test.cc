// GoogleTest suites for gc/ and threads/, over the C shims.
#include <gtest/gtest.h>

#include <cstdlib>

#include "shim.h"

namespace {

bool stress() {
  const char *s = std::getenv("WEFT_GC_STRESS");
  return s && *s && std::string(s) != "0";
}

class Heap : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { shim_init(); }
};

TEST_F(Heap, EverySizeClass) { EXPECT_STREQ("", shim_every_size_class()); }
TEST_F(Heap, LargeObjects) { EXPECT_STREQ("", shim_large_objects()); }
TEST_F(Heap, CyclesAreMarkedAndFreed) { EXPECT_STREQ("", shim_cycles(100000)); }
TEST_F(Heap, ChainOfTenMillionNodes) {
  // The marker must handle it without recursion; under GC stress a shorter
  // chain keeps the (per-allocation) collections affordable.
  EXPECT_STREQ("", shim_chain(stress() ? 200000 : 10000000));
}
TEST_F(Heap, UnreachableReclaimedAndReused) {
  // Under GC stress every poll collects: fewer rounds keep it affordable.
  EXPECT_STREQ("", shim_reclaim_and_reuse(stress() ? 4 : 20));
}
TEST_F(Heap, ShadowStack) { EXPECT_STREQ("", shim_shadow_stack()); }
TEST_F(Heap, StressPollsCollect) { EXPECT_STREQ("", shim_stress_polls()); }
// A missing root or trace field fails deterministically, not once a month.
TEST_F(Heap, UntracedFieldFailsDeterministically) {
#if defined(WF_ASAN)
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH(shim_read_through_untraced_field(), "use-after-poison");
#else
  uint64_t v = shim_read_through_untraced_field();
  if (stress()) EXPECT_EQ(0xdbdbdbdbdbdbdbdbull, v);  // the dead slot was filled
#endif
}
TEST_F(Heap, DeadObjectsPoisoned) { EXPECT_STREQ("", shim_dead_objects_poisoned()); }

TEST_F(Heap, PollFastAndSlowPaths) { EXPECT_STREQ("", shim_poll()); }
TEST_F(Heap, StopTheWorldWithNativeThreads) { EXPECT_STREQ("", shim_stw_with_native_threads(6)); }
TEST_F(Heap, StopTheWorldStopsPollingThreads) { EXPECT_STREQ("", shim_stw_stops_pollers(4, 50)); }
TEST_F(Heap, LockLosesNoUpdate) { EXPECT_STREQ("", shim_lock_counter(8, 100000)); }
TEST_F(Heap, RcuReclaimsAfterGracePeriod) { EXPECT_STREQ("", shim_rcu(4, 2000)); }

}  // namespace
