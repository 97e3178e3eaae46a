/* C shims called by the GoogleTest suites of tests/unit/containers. */
#ifndef WF_TESTS_CONTAINERS_SHIM_H
#define WF_TESTS_CONTAINERS_SHIM_H
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif
void cont_init(void);
/* One vector line: 0 pass, 1 mismatch (msg says what), -1 bad line. */
int cont_run_line(const char *line, char *msg, size_t cap);
/* Thread stress: 0 ok, else a message in msg. */
int cont_stress_list(int threads, int iters, char *msg, size_t cap);
int cont_stress_set(int threads, int iters, char *msg, size_t cap);
int cont_stress_bytearray(int threads, int iters, char *msg, size_t cap);
/* Sorting checks without the vectors: random data, stability with keys. */
int cont_sort_random(int rounds, char *msg, size_t cap);
#ifdef __cplusplus
}
#endif
#endif
