/* ThreadSanitizer annotations for synchronisation TSan cannot see (liburcu's
 * grace periods, futex-based parking). No-ops outside TSan builds. */
#ifndef WF_THREADS_TSAN_H
#define WF_THREADS_TSAN_H

#if defined(WF_TSAN)
#include <sanitizer/tsan_interface.h>
#define wf_tsan_release(addr) __tsan_release((void *)(addr))
#define wf_tsan_acquire(addr) __tsan_acquire((void *)(addr))
#else
#define wf_tsan_release(addr) ((void)(addr))
#define wf_tsan_acquire(addr) ((void)(addr))
#endif

#endif
