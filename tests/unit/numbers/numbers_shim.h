/* C shims for the numbers unit tests (GoogleTest in C++ calls these). */
#ifndef WF_TESTS_NUMBERS_SHIM_H
#define WF_TESTS_NUMBERS_SHIM_H
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif
/* Start the runtime; ints print without the 4300-digit limit. */
void wf_numtest_init(void);
/* Evaluate one line of gen_vectors.py output: 0 = match (or a definition),
 * 1 = mismatch (got / want filled with readable text), -1 = bad line. */
int wf_numtest_line(const char *line, char *got, size_t gotcap, char *want, size_t wantcap);
/* Direct checks of the int.h/float.h C contract; returns the number of
 * failures and prints each. */
int wf_numtest_contract(void);
/* int/float subclasses and the __index__/__trunc__/__float__/__complex__
 * fallbacks, with classes made by type(); returns the number of failures. */
int wf_numtest_classes(void);
/* n threads doing mixed arithmetic while collections run; 0 when every
 * thread's checksum matches. */
int wf_numtest_threads(int nthreads, int iters);
#ifdef __cplusplus
}
#endif
#endif
