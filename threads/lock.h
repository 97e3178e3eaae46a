/* wf_lock: a two-word mutex for objects (lists, dicts, sets, types, ...).
 *
 * Rules for holders
 *   - Hold it briefly and never reach a safepoint while holding it: no
 *     Python code, no blocking call, no poll (allocation is fine: it never
 *     collects). Debug builds check this at every safepoint slow path.
 *   - Acquiring is therefore not a safepoint either: a waiter spins, then
 *     sleeps on a futex still in the RUNNING state. A stop-the-world cannot
 *     deadlock on it: the holder reaches no safepoint before releasing.
 *
 * Three ways to hold it, cheapest first (lock.c has the protocol):
 *   - single-thread mode (thread.h): plain stores of `word`;
 *   - biased: the thread the lock is biased to stores `held` and re-checks
 *     the bias, with no atomic read-modify-write; another thread that wants
 *     the lock revokes the bias once (an asymmetric fence), after which
 *   - shared: a futex word with acquire/release ordering (`word`).
 * TSan builds never bias (TSan cannot see the fence's ordering).
 */
#ifndef WF_THREADS_LOCK_H
#define WF_THREADS_LOCK_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "thread.h"

typedef struct wf_lock {
  _Atomic uint32_t word; /* shared mode: 0 free, 1 held, 2 held with sleepers */
  _Atomic uint16_t bias; /* 0 unused yet, a thread's lock_id, or WF_LOCK_REVOKING / WF_LOCK_SHARED */
  _Atomic uint16_t held; /* biased mode: 1 while the bias owner holds it */
} wf_lock;

#define WF_LOCK_REVOKING 0xFFFEu
#define WF_LOCK_SHARED 0xFFFFu

void wf_lock_acquire_slow_(wf_lock *l);
void wf_lock_wake_(wf_lock *l);

#if defined(WF_DEBUG) || defined(WF_ASAN) || defined(WF_TSAN)
extern __thread int wf_locks_held_;
#define WF_LOCK_COUNT_(d) (wf_locks_held_ += (d))
#else
#define WF_LOCK_COUNT_(d) ((void)0)
#endif

static inline void wf_lock_acquire(wf_lock *l) {
  WF_LOCK_COUNT_(1);
  if (wf_threads_single()) {
    WF_DEBUG_CHECK(atomic_load_explicit(&l->word, memory_order_relaxed) == 0, "wf_lock acquired twice");
    atomic_store_explicit(&l->word, 1, memory_order_relaxed);
    return;
  }
  uint16_t me = wf_thread_self()->lock_id;
  if (__builtin_expect(atomic_load_explicit(&l->bias, memory_order_relaxed) == me, 1)) {
    atomic_store_explicit(&l->held, 1, memory_order_relaxed);
    atomic_signal_fence(memory_order_seq_cst); /* the CPU's order: see lock.c */
    if (__builtin_expect(atomic_load_explicit(&l->bias, memory_order_relaxed) == me, 1)) return;
    atomic_store_explicit(&l->held, 0, memory_order_release); /* being revoked */
  }
  wf_lock_acquire_slow_(l);
}

static inline void wf_lock_release(wf_lock *l) {
  WF_LOCK_COUNT_(-1);
  if (wf_threads_single()) {
    atomic_store_explicit(&l->word, 0, memory_order_release);
    return;
  }
  /* Held biased unless the bias is SHARED (which a revoker sets only
   * after our `held` went back to 0). */
  if (atomic_load_explicit(&l->bias, memory_order_relaxed) != WF_LOCK_SHARED) {
    atomic_store_explicit(&l->held, 0, memory_order_release);
    return;
  }
  if (atomic_exchange_explicit(&l->word, 0, memory_order_release) == 2) wf_lock_wake_(l);
}

static inline bool wf_lock_is_held(wf_lock *l) {
  return atomic_load_explicit(&l->word, memory_order_relaxed) != 0 ||
         atomic_load_explicit(&l->held, memory_order_relaxed) != 0;
}

/* Number of wf_locks the calling thread holds (debug builds; 0 otherwise). */
int wf_locks_held(void);

/* Biased locking on or off (off under TSan, without membarrier, or
 * with WEFT_BIASED_LOCKS=0); called once at start-up by wf_threads_init. */
void wf_lock_init_bias_(void);
/* Biases revoked so far (tests, statistics). */
uint32_t wf_lock_revocations(void);

#endif
