/* wf_park_lock: a one-word mutex that may be held across safepoints, Python
 * code and blocking calls (the Python-level locks of _thread, an iterator
 * that must call into its source while others wait). Unlike wf_lock, a
 * waiter blocks in the NATIVE state, so a stop-the-world never waits for it.
 *
 * The word lives inside a heap object that the waiter keeps reachable (a
 * rooted argument): the heap never moves objects, so the futex address stays
 * valid while the waiter is native and touches nothing else of the heap.
 */
#ifndef WF_THREADS_PARK_LOCK_H
#define WF_THREADS_PARK_LOCK_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

typedef struct wf_park_lock {
  _Atomic uint32_t word; /* 0 free, 1 held, 2 held and someone may sleep on it */
} wf_park_lock;

static inline bool wf_park_lock_try(wf_park_lock *l) {
  uint32_t e = 0;
  return atomic_compare_exchange_strong_explicit(&l->word, &e, 1, memory_order_acquire, memory_order_relaxed);
}

/* Blocks in the NATIVE state; timeout_ns < 0 waits forever. Returns true
 * when acquired. Call it RUNNING, as an attached thread. */
bool wf_park_lock_acquire_slow_(wf_park_lock *l, int64_t timeout_ns);

static inline bool wf_park_lock_acquire(wf_park_lock *l, bool blocking, int64_t timeout_ns) {
  if (wf_park_lock_try(l)) return true;
  if (!blocking || timeout_ns == 0) return false;
  return wf_park_lock_acquire_slow_(l, timeout_ns);
}

void wf_park_lock_wake_(wf_park_lock *l);

static inline void wf_park_lock_release(wf_park_lock *l) {
  if (atomic_exchange_explicit(&l->word, 0, memory_order_release) == 2) wf_park_lock_wake_(l);
}

static inline bool wf_park_lock_is_held(wf_park_lock *l) {
  return atomic_load_explicit(&l->word, memory_order_relaxed) != 0;
}

/* Forget the holder (after fork, or _at_fork_reinit). */
static inline void wf_park_lock_reset(wf_park_lock *l) { atomic_store(&l->word, 0); }

#endif
