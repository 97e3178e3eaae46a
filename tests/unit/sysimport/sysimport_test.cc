// sysimport: the std stream type, sys attributes (against python3.11) and
// import of generated packages. The shim functions return "" or a message.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

extern "C" {
const char *sysimport_stream_write(void);
const char *sysimport_stream_stderr(void);
const char *sysimport_stream_read(void);
const char *sysimport_stream_threads(int nthreads, int lines);
const char *sysimport_sys_attrs(const char *path, int *count);
const char *sysimport_sys_misc(void);
const char *sysimport_import(void);
}

TEST(Stream, Write) { EXPECT_STREQ(sysimport_stream_write(), ""); }
TEST(Stream, StderrAndBrokenPipe) { EXPECT_STREQ(sysimport_stream_stderr(), ""); }
TEST(Stream, Read) { EXPECT_STREQ(sysimport_stream_read(), ""); }
TEST(Stream, Threads) {
  const char *n = std::getenv("WF_SYSIMPORT_LINES");
  EXPECT_STREQ(sysimport_stream_threads(8, n ? std::atoi(n) : 2000), "");
}

TEST(Sys, AttributesMatchPython) {
  int count = 0;
  std::string path = std::string(WF_SYSIMPORT_DIR) + "/sys_expected.txt";
  EXPECT_STREQ(sysimport_sys_attrs(path.c_str(), &count), "");
  std::printf("%d sys attributes match\n", count);
}
TEST(Sys, Misc) { EXPECT_STREQ(sysimport_sys_misc(), ""); }

TEST(Import, Packages) { EXPECT_STREQ(sysimport_import(), ""); }
