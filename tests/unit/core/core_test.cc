// The core group's tests: the object model, type machinery, tuple, dict,
// exceptions, compared with python3.11 (vectors written at build time by
// gen_vectors.py under PYTHONHASHSEED=0 into the build directory).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <string>

extern "C" {
const char *core_smoke(void);
long core_run_exprs(const char *path, long *fails, char *report, size_t cap);
long core_run_dictops(const char *path, long *fails, char *report, size_t cap);
const char *core_dict_threads(int nthreads, int iters);
}

TEST(Core, Smoke) { EXPECT_STREQ(core_smoke(), ""); }

static void run(long (*fn)(const char *, long *, char *, size_t), const char *file) {
  std::string path = std::string(WF_CORE_VECTORS_DIR) + "/" + file;
  if (const char *alt = std::getenv("WF_CORE_EXPRS"); alt && fn == core_run_exprs) path = alt;
  static char report[16384];
  long fails = 0;
  long n = fn(path.c_str(), &fails, report, sizeof report);
  ASSERT_GT(n, 0) << "cannot read " << path;
  std::printf("%s: %ld cases, %ld match\n", file, n, n - fails);
  EXPECT_EQ(fails, 0) << report;
}

TEST(Core, ExprVectors) { run(core_run_exprs, "exprs.txt"); }
TEST(Core, DictOrderVectors) { run(core_run_dictops, "dictops.txt"); }

TEST(Core, DictThreads) {
  const char *it = std::getenv("WF_CORE_DICT_ITERS");
  EXPECT_STREQ(core_dict_threads(8, it ? std::atoi(it) : 3000), "");
}
