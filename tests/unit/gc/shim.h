/* C shims called by the GoogleTest suites of gc/ and threads/. */
#ifndef WF_TESTS_GC_SHIM_H
#define WF_TESTS_GC_SHIM_H
#include <stddef.h>
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif
void shim_init(void);
const char *shim_every_size_class(void);
const char *shim_large_objects(void);
const char *shim_cycles(size_t n);
const char *shim_chain(size_t n);
const char *shim_reclaim_and_reuse(int rounds);
const char *shim_shadow_stack(void);
const char *shim_stress_polls(void);
const char *shim_dead_objects_poisoned(void);
uint64_t shim_read_through_untraced_field(void);
const char *shim_poll(void);
const char *shim_stw_with_native_threads(int nthreads);
const char *shim_stw_stops_pollers(int nthreads, int rounds);
const char *shim_rcu(int nreaders, int updates);
const char *shim_lock_counter(int nthreads, int iters);
#ifdef __cplusplus
}
#endif
#endif
