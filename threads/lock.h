/* wf_lock: a one-word mutex for objects (lists, dicts, sets, types, ...).
 *
 * Rules for holders
 *   - Hold it briefly and never reach a safepoint while holding it: no
 *     Python code, no blocking call, no poll (allocation is fine: it never
 *     collects). Debug builds check this at every safepoint slow path.
 *   - Acquiring is therefore not a safepoint either: a waiter spins, then
 *     sleeps on a futex still in the RUNNING state. A stop-the-world cannot
 *     deadlock on it: the holder reaches no safepoint before releasing.
 * Acquire and release have acquire/release ordering (TSan sees them).
 * In single-thread mode (thread.h) they are plain stores of the word.
 */
#ifndef WF_THREADS_LOCK_H
#define WF_THREADS_LOCK_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "thread.h"

typedef struct wf_lock {
  _Atomic uint32_t word; /* 0 free, 1 held, 2 held with sleepers */
} wf_lock;

void wf_lock_acquire_slow_(wf_lock *l);
void wf_lock_wake_(wf_lock *l);

#if defined(WF_DEBUG) || defined(WF_ASAN) || defined(WF_TSAN)
extern __thread int wf_locks_held_;
#define WF_LOCK_COUNT_(d) (wf_locks_held_ += (d))
#else
#define WF_LOCK_COUNT_(d) ((void)0)
#endif

static inline void wf_lock_acquire(wf_lock *l) {
  if (wf_threads_single()) {
    WF_DEBUG_CHECK(atomic_load_explicit(&l->word, memory_order_relaxed) == 0, "wf_lock acquired twice");
    atomic_store_explicit(&l->word, 1, memory_order_relaxed);
    WF_LOCK_COUNT_(1);
    return;
  }
  uint32_t expected = 0;
  if (!__builtin_expect(atomic_compare_exchange_strong_explicit(&l->word, &expected, 1, memory_order_acquire,
                                                                 memory_order_relaxed), 1))
    wf_lock_acquire_slow_(l);
  WF_LOCK_COUNT_(1);
}

static inline bool wf_lock_try_acquire(wf_lock *l) {
  if (wf_threads_single()) {
    if (atomic_load_explicit(&l->word, memory_order_relaxed)) return false;
    atomic_store_explicit(&l->word, 1, memory_order_relaxed);
    WF_LOCK_COUNT_(1);
    return true;
  }
  uint32_t expected = 0;
  bool ok = atomic_compare_exchange_strong_explicit(&l->word, &expected, 1, memory_order_acquire, memory_order_relaxed);
  if (ok) WF_LOCK_COUNT_(1);
  return ok;
}

static inline void wf_lock_release(wf_lock *l) {
  WF_LOCK_COUNT_(-1);
  if (wf_threads_single()) {
    atomic_store_explicit(&l->word, 0, memory_order_release);
    return;
  }
  if (atomic_exchange_explicit(&l->word, 0, memory_order_release) == 2) wf_lock_wake_(l);
}

static inline bool wf_lock_is_held(wf_lock *l) { return atomic_load_explicit(&l->word, memory_order_relaxed) != 0; }

/* Number of wf_locks the calling thread holds (debug builds; 0 otherwise). */
int wf_locks_held(void);

#endif
