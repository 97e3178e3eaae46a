/* wf_park_lock's slow path: sleep on a futex in the NATIVE state.
 *
 * Algorithm: the same word protocol as wf_lock (Drepper's mutex 2): a waiter
 * swaps in 2 and sleeps while the word is 2; a release that swaps out 2 wakes
 * one sleeper, so no wake-up is lost. The difference is the thread state: the
 * waiter is NATIVE for the whole wait (a stop-the-world proceeds without it),
 * and the holder may reach safepoints, run Python code and block.
 * Timed waits keep an absolute CLOCK_MONOTONIC deadline across spurious
 * wake-ups.
 */
#define _GNU_SOURCE
#include "park_lock.h"

#include <linux/futex.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "thread.h"

static void futex_wait(wf_park_lock *l, const struct timespec *rel) {
  syscall(SYS_futex, (uint32_t *)&l->word, FUTEX_WAIT_PRIVATE, 2, rel, NULL, 0);
}

void wf_park_lock_wake_(wf_park_lock *l) {
  syscall(SYS_futex, (uint32_t *)&l->word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
}

static struct timespec deadline_after(int64_t ns) {
  struct timespec d;
  clock_gettime(CLOCK_MONOTONIC, &d);
  int64_t nsec = d.tv_nsec + ns % 1000000000;
  d.tv_sec += (time_t)(ns / 1000000000 + nsec / 1000000000);
  d.tv_nsec = (long)(nsec % 1000000000);
  return d;
}

/* Called NATIVE. */
static bool wait_word(wf_park_lock *l, int64_t timeout_ns) {
  struct timespec deadline = {0, 0};
  if (timeout_ns >= 0) deadline = deadline_after(timeout_ns);
  for (;;) {
    if (atomic_exchange_explicit(&l->word, 2, memory_order_acquire) == 0) return true;
    if (timeout_ns < 0) {
      futex_wait(l, NULL);
      continue;
    }
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    struct timespec rel = {deadline.tv_sec - now.tv_sec, deadline.tv_nsec - now.tv_nsec};
    if (rel.tv_nsec < 0) rel.tv_sec--, rel.tv_nsec += 1000000000;
    if (rel.tv_sec < 0) return false;
    futex_wait(l, &rel);
  }
}

bool wf_park_lock_acquire_slow_(wf_park_lock *l, int64_t timeout_ns) {
  bool ok;
  WF_NATIVE_REGION { ok = wait_word(l, timeout_ns); }
  return ok;
}
