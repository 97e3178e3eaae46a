/* wf_lock's slow paths: spin, then sleep on a futex.
 *
 * Algorithm (Drepper's "futexes are tricky", mutex 2)
 *   word: 0 free, 1 held, 2 held and maybe sleepers.
 *   acquire: CAS 0->1 (fast path, lock.h); else spin a while retrying; then
 *   loop { if exchange(word, 2) == 0: acquired (as "2": a release will wake,
 *   perhaps needlessly); futex_wait(word, 2) }.
 *   release: exchange(word, 0); if it was 2, futex_wake(1).
 * Invariant: a thread sleeps only while word == 2, and whoever changes 2 to 0
 * wakes one sleeper, so no wake-up is lost.
 */
#define _GNU_SOURCE
#include "lock.h"

#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(WF_DEBUG) || defined(WF_ASAN) || defined(WF_TSAN)
__thread int wf_locks_held_;
int wf_locks_held(void) { return wf_locks_held_; }
#else
int wf_locks_held(void) { return 0; }
#endif

static void futex_wait(_Atomic uint32_t *addr, uint32_t val) {
  syscall(SYS_futex, (uint32_t *)addr, FUTEX_WAIT_PRIVATE, val, NULL, NULL, 0);
}

void wf_lock_wake_(wf_lock *l) { syscall(SYS_futex, (uint32_t *)&l->word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0); }

void wf_lock_acquire_slow_(wf_lock *l) {
  for (int spin = 0; spin < 200; spin++) {
    uint32_t expected = 0;
    if (atomic_load_explicit(&l->word, memory_order_relaxed) == 0 &&
        atomic_compare_exchange_weak_explicit(&l->word, &expected, 1, memory_order_acquire, memory_order_relaxed))
      return;
    __builtin_ia32_pause();
  }
  while (atomic_exchange_explicit(&l->word, 2, memory_order_acquire) != 0) futex_wait(&l->word, 2);
}
