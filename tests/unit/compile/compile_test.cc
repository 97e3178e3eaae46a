// Compiler tests: (1) every .py of python3.11's standard library compiles
// and its code objects are well-formed; (2) compile-time SyntaxErrors match
// python3.11's (type, msg, lineno, offset).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern "C" {
void compile_shim_init(void);
int compile_shim_file(const char *path, char *err, size_t errlen);
void compile_shim_error(const char *src, char *out, size_t n);
}

namespace {

std::string read_all(const std::string &path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::vector<std::string> split(const std::string &s, const std::string &sep) {
  std::vector<std::string> out;
  size_t pos = 0;
  for (;;) {
    size_t k = s.find(sep, pos);
    if (k == std::string::npos) {
      out.push_back(s.substr(pos));
      return out;
    }
    out.push_back(s.substr(pos, k - pos));
    pos = k + sep.size();
  }
}

TEST(Compile, Stdlib) {
  compile_shim_init();
  // WF_COMPILE_EVERY=1 compiles every file; the default (CI) every 4th.
  int every = 4;
  if (const char *e = getenv("WF_COMPILE_EVERY")) every = atoi(e) > 0 ? atoi(e) : 4;
  std::vector<std::string> files;
  for (auto &p : std::filesystem::recursive_directory_iterator(
           "/usr/lib/python3.11", std::filesystem::directory_options::skip_permission_denied)) {
    if (p.is_regular_file() && p.path().extension() == ".py") files.push_back(p.path().string());
  }
  std::sort(files.begin(), files.end());
  // python3.11 itself rejects these (deliberately broken test inputs).
  auto expected_bad = [](const std::string &f) {
    if (f.find("lib2to3/tests/data/") != std::string::npos) return true;
    return f.find("/test/") != std::string::npos &&
           (f.find("bad") != std::string::npos || f.find("badsyntax") != std::string::npos);
  };
  int n = 0, failed = 0;
  std::vector<char> err(4096);
  for (size_t i = 0; i < files.size(); i += (size_t)every) {
    if (expected_bad(files[i])) continue;
    n++;
    if (compile_shim_file(files[i].c_str(), err.data(), err.size()) != 0) {
      failed++;
      if (failed < 30) ADD_FAILURE() << err.data();
    }
  }
  EXPECT_EQ(failed, 0) << "of " << n << " files";
  EXPECT_GT(n, 100);
}

TEST(Compile, SyntaxErrors) {
  compile_shim_init();
  auto snippets = split(read_all(WF_COMPILE_SRC_DIR "/snippets.txt"), "===\n");
  auto expected = split(read_all(WF_COMPILE_BIN_DIR "/expected_errors.txt"), "\n");
  ASSERT_GE(expected.size(), snippets.size());
  char out[1024];
  for (size_t i = 0; i < snippets.size(); i++) {
    compile_shim_error(snippets[i].c_str(), out, sizeof out);
    EXPECT_EQ(std::string(out), expected[i]) << "snippet " << i + 1 << ":\n" << snippets[i];
  }
}

}  // namespace
