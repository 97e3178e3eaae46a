// The types group's tests: function companions, module, super, frames and
// tracebacks (printing), GenericAlias/UnionType, SimpleNamespace, compared
// with python3.11 (expected values from python3.11; vectors written at build
// time by gen_vectors.py under PYTHONHASHSEED=0).
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

extern "C" {
const char *types_cell(void);
const char *types_method(void);
const char *types_funcdescr(void);
const char *types_property(void);
const char *types_super(void);
const char *types_module(void);
const char *types_namespace(void);
const char *types_generic(void);
const char *types_exception_print(void);
long types_run_exprs(const char *path, long *fails, char *report, size_t cap);
}

TEST(Types, Cell) { EXPECT_STREQ(types_cell(), ""); }
TEST(Types, Method) { EXPECT_STREQ(types_method(), ""); }
TEST(Types, StaticClassMethod) { EXPECT_STREQ(types_funcdescr(), ""); }
TEST(Types, Property) { EXPECT_STREQ(types_property(), ""); }
TEST(Types, Super) { EXPECT_STREQ(types_super(), ""); }
TEST(Types, Module) { EXPECT_STREQ(types_module(), ""); }
TEST(Types, SimpleNamespace) { EXPECT_STREQ(types_namespace(), ""); }
TEST(Types, GenericAliasUnion) { EXPECT_STREQ(types_generic(), ""); }
TEST(Types, ExceptionPrint) { EXPECT_STREQ(types_exception_print(), ""); }

TEST(Types, GenericAliasUnionVectors) {
  std::string path = std::string(WF_TYPES_VECTORS_DIR) + "/exprs.txt";
  static char report[16384];
  long fails = 0;
  long n = types_run_exprs(path.c_str(), &fails, report, sizeof report);
  ASSERT_GT(n, 0) << "cannot read " << path;
  std::printf("exprs.txt: %ld cases, %ld match\n", n, n - fails);
  EXPECT_EQ(fails, 0) << report;
}
