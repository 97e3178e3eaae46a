/* C shims over the builtins module for builtins_test.cc. */
#ifndef WF_TESTS_BUILTINS_SHIM_H
#define WF_TESTS_BUILTINS_SHIM_H
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif
/* Run the vector file; returns the number of cases (-1: cannot open),
 * *fails the mismatches, the first ones described in report. */
long bi_run_cases(const char *path, long *fails, char *report, size_t cap);
/* Every name of python3.11's builtins module (names: a NUL-separated list
 * ending with an empty name) exists; returns the number missing, listed in report. */
int bi_check_names(const char *names, char *report, size_t cap);
/* Thread stress: `threads` threads advance shared enumerate/zip/map/filter/
 * reversed/callable_iterator objects; 0 when every check passes, else a
 * description in msg. */
int bi_stress(int threads, int n, char *msg, size_t cap);
#ifdef __cplusplus
}
#endif
#endif
