// math, time, _thread and itertools vs python3.11: vectors written at build
// time by gen_vectors.py (TZ=UTC) into the build directory; thread checks
// through _thread.start_new_thread.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <string>

extern "C" {
long modules_run_vectors(const char *path, long *fails, char *report, size_t cap);
const char *modules_thread_counter(const char *locktype, int nthreads, int iters);
const char *modules_lock_basics(void);
const char *modules_shared_iter(const char *func, const char *arg1, const char *arg2, long total, int nthreads);
}

TEST(Modules, Vectors) {
  static char report[32768];
  long fails = 0;
  long n = modules_run_vectors(WF_MODULES_VECTORS, &fails, report, sizeof report);
  ASSERT_GT(n, 0) << "cannot read " << WF_MODULES_VECTORS;
  std::printf("%ld cases, %ld match\n", n, n - fails);
  EXPECT_EQ(fails, 0) << report;
}

static int iters(int dflt) {
  const char *s = std::getenv("WF_MODULES_ITERS");
  if (s) return std::atoi(s);
  const char *stress = std::getenv("WEFT_GC_STRESS");
  return stress && *stress ? dflt / 10 : dflt; // a collection at every poll: keep it short

}

TEST(Modules, LockBasics) { EXPECT_STREQ(modules_lock_basics(), ""); }
TEST(Modules, ThreadCounterLock) { EXPECT_STREQ(modules_thread_counter("allocate_lock", 8, iters(10000)), ""); }
TEST(Modules, ThreadCounterRLock) { EXPECT_STREQ(modules_thread_counter("RLock", 8, iters(10000) / 4), ""); }
TEST(Modules, SharedCount) { EXPECT_STREQ(modules_shared_iter("count", nullptr, nullptr, 80000, 8), ""); }
TEST(Modules, SharedIslice) { EXPECT_STREQ(modules_shared_iter("islice", "range(100000)", "80000", 80000, 8), ""); }
TEST(Modules, SharedProduct) { EXPECT_STREQ(modules_shared_iter("product", "range(100)", "range(100)", 10000, 8), ""); }
TEST(Modules, SharedChain) { EXPECT_STREQ(modules_shared_iter("chain", "range(40000)", "range(40000, 80000)", 80000, 8), ""); }
