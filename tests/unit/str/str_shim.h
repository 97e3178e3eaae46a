/* C shim for tests/unit/str (see str_shim.c). */
#ifndef WF_TESTS_STR_SHIM_H
#define WF_TESTS_STR_SHIM_H
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif
void str_shim_init(void);
/* Run one vector line; returns the actual result rendered like the
 * expected part (malloc'd) and points *expected at the line's expected part. */
char *str_shim_run(const char *line, const char **expected);
/* Direct checks (str_checks.c): 0 on success, else a line number of the
 * failing check; *what names it. */
int str_checks_layout(const char **what);
int str_checks_intern_threads(const char **what);
int str_checks_gc(const char **what);
#ifdef __cplusplus
}
#endif
#endif
