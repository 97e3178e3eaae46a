/* wf_lock's slow paths: biasing, revocation, and the shared futex mutex.
 *
 * Shared mode (Drepper's "futexes are tricky", mutex 2)
 *   word: 0 free, 1 held, 2 held and maybe sleepers.
 *   acquire: CAS 0->1; else spin a while retrying; then loop { if
 *   exchange(word, 2) == 0: acquired (as "2": a release will wake, perhaps
 *   needlessly); futex_wait(word, 2) }. release: exchange(word, 0); if it
 *   was 2, futex_wake(1).
 *   Invariant: a thread sleeps only while word == 2, and whoever changes 2
 *   to 0 wakes one sleeper, so no wake-up is lost.
 *
 * Biased mode (an asymmetric Dekker handshake; cf. "quickly reacquirable
 * locks", Dice, Moir and Scherer)
 *   bias: 0 (never locked in multi-thread mode), the lock_id of the owner,
 *   REVOKING, or SHARED (final). The first thread to lock a fresh lock
 *   claims the bias with one CAS. The owner then locks with
 *       held = 1; compiler fence; if bias still == me: locked
 *   and unlocks with held = 0 (release): no read-modify-write at all.
 *   Another thread revokes: CAS bias owner->REVOKING; membarrier(PRIVATE_
 *   EXPEDITED), which runs a full fence on every CPU running one of our
 *   threads; then waits for held == 0 (acquire) and stores bias = SHARED.
 *   From then on everyone uses the shared word.
 *   Why it excludes: the owner's "held = 1" and its re-check of the bias are
 *   either both before the membarrier's fence on its CPU (then held == 1 is
 *   visible to the revoker, which waits) or the re-check is after it (then it
 *   sees REVOKING, clears held and takes the slow path). An owner inside its
 *   critical section has held == 1 until it leaves; a revoker sets SHARED
 *   only after seeing held == 0, so a biased holder always releases through
 *   `held` (bias is not SHARED yet) and a shared holder through `word`.
 *   Threads that find REVOKING wait for SHARED; nobody sleeps on `word`
 *   before SHARED, so the owner's plain release never misses a waiter.
 *   Revocation costs a few microseconds (an IPI per CPU): after 1000 of them
 *   a program evidently shares many objects between threads, and fresh locks
 *   go straight to SHARED.
 *   lock_ids are 16 bits and wrap: a stale bias naming a thread that is gone
 *   (or a new thread with a recycled id) is harmless, since a thread that
 *   has exited holds nothing.
 */
#define _GNU_SOURCE
#include "lock.h"

#include <linux/futex.h>
#include <linux/membarrier.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(WF_DEBUG) || defined(WF_ASAN) || defined(WF_TSAN)
__thread int wf_locks_held_;
int wf_locks_held(void) { return wf_locks_held_; }
#else
int wf_locks_held(void) { return 0; }
#endif

#define MAX_REVOCATIONS 1000

static _Atomic bool bias_enabled;
static _Atomic uint32_t revocations;

void wf_lock_init_bias_(void) {
#if defined(WF_TSAN)
  return; /* TSan cannot see the ordering the membarrier gives: keep every lock shared */
#else
  const char *e = getenv("WEFT_BIASED_LOCKS");
  if (e && strcmp(e, "0") == 0) return;
  if (syscall(SYS_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0) != 0) return;
  atomic_store(&bias_enabled, true);
#endif
}

uint32_t wf_lock_revocations(void) { return atomic_load_explicit(&revocations, memory_order_relaxed); }

static void futex_wait(_Atomic uint32_t *addr, uint32_t val) {
  syscall(SYS_futex, (uint32_t *)addr, FUTEX_WAIT_PRIVATE, val, NULL, NULL, 0);
}

void wf_lock_wake_(wf_lock *l) { syscall(SYS_futex, (uint32_t *)&l->word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0); }

static void acquire_shared(wf_lock *l) {
  for (int spin = 0; spin < 200; spin++) {
    uint32_t expected = 0;
    if (atomic_load_explicit(&l->word, memory_order_relaxed) == 0 &&
        atomic_compare_exchange_weak_explicit(&l->word, &expected, 1, memory_order_acquire, memory_order_relaxed))
      return;
    __builtin_ia32_pause();
  }
  while (atomic_exchange_explicit(&l->word, 2, memory_order_acquire) != 0) futex_wait(&l->word, 2);
}

/* Take the bias from `owner` and make the lock SHARED. */
static void revoke_bias(wf_lock *l, uint16_t owner) {
  uint16_t b = owner;
  if (!atomic_compare_exchange_strong_explicit(&l->bias, &b, WF_LOCK_REVOKING, memory_order_relaxed,
                                               memory_order_relaxed))
    return; /* someone else moved it on: the caller looks again */
  atomic_fetch_add_explicit(&revocations, 1, memory_order_relaxed);
  syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0);
  while (atomic_load_explicit(&l->held, memory_order_acquire) != 0) sched_yield();
  atomic_store_explicit(&l->bias, WF_LOCK_SHARED, memory_order_release);
}

/* The bias owner's attempt (as in lock.h): true when locked. */
static bool try_biased(wf_lock *l, uint16_t me) {
  atomic_store_explicit(&l->held, 1, memory_order_relaxed);
  atomic_signal_fence(memory_order_seq_cst);
  if (atomic_load_explicit(&l->bias, memory_order_relaxed) == me) return true;
  atomic_store_explicit(&l->held, 0, memory_order_release);
  return false;
}

void wf_lock_acquire_slow_(wf_lock *l) {
  uint16_t me = wf_thread_self()->lock_id;
  for (;;) {
    uint16_t b = atomic_load_explicit(&l->bias, memory_order_acquire);
    if (b == WF_LOCK_SHARED) {
      acquire_shared(l);
      return;
    }
    if (b == me) {
      if (try_biased(l, me)) return;
    } else if (b == 0) {
      bool bias = atomic_load_explicit(&bias_enabled, memory_order_relaxed) &&
                  atomic_load_explicit(&revocations, memory_order_relaxed) < MAX_REVOCATIONS;
      atomic_compare_exchange_strong_explicit(&l->bias, &b, bias ? me : WF_LOCK_SHARED, memory_order_acquire,
                                              memory_order_relaxed);
    } else if (b == WF_LOCK_REVOKING) {
      sched_yield();
    } else {
      revoke_bias(l, b);
    }
  }
}
