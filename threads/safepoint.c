/* Safepoint polls: the slow path and the services that run in it.
 *
 * Algorithm
 *   The fast path (WF_SAFEPOINT_POLL in thread.h) loads the thread's own poll
 *   word and branches to wf_safepoint_slow when any bit is set. The slow path
 *   handles the bits in a fixed order:
 *     WF_POLL_STOP     park until the stop-the-world ends (thread.c);
 *     WF_POLL_QS       report an RCU quiescent state (rcu.c);
 *     WF_POLL_SERVICE  clear the bit, then run every registered service
 *                      (for example: gc/ collects if a collection is due).
 *   With the sticky flag (GC stress) the SERVICE bit is never cleared, so the
 *   services run at every poll.
 *
 * Invariants
 *   - Services run in the RUNNING state, outside any lock of threads/; a
 *     service may stop the world, and may itself poll (the slow path is
 *     reentrant: a nested visit sees the bits that are still set).
 *   - The SERVICE bit is cleared before the services run, so a request made
 *     while they run is not lost.
 *   - Services are registered at start-up, before other threads attach.
 */
#include <stdatomic.h>

#include "internal.h"
#include "lock.h"
#include "thread.h"

#define MAX_SERVICES 8
static wf_safepoint_service_fn services[MAX_SERVICES];
static int nservices;
static _Atomic bool sticky_service;

void wf_safepoint_add_service(wf_safepoint_service_fn fn) {
  if (nservices < MAX_SERVICES) services[nservices++] = fn;
}

static void set_service_bit(wf_thread_t *t, void *unused) {
  (void)unused;
  atomic_fetch_or(&t->poll, WF_POLL_SERVICE);
}

void wf_safepoint_request_service(void) { wf_threads_for_each_locked_(set_service_bit, NULL); }

void wf_safepoint_set_sticky_service(bool on) {
  atomic_store(&sticky_service, on);
  if (on) wf_safepoint_request_service();
}

void wf_safepoint_thread_attached_(wf_thread_t *t) {
  if (atomic_load(&sticky_service)) atomic_fetch_or(&t->poll, WF_POLL_SERVICE);
}

void wf_safepoint_slow(wf_thread_t *self) {
  WF_DEBUG_CHECK(wf_locks_held() == 0, "safepoint reached while holding a wf_lock");
  uint32_t bits = atomic_load_explicit(&self->poll, memory_order_relaxed);
  if (bits & WF_POLL_STOP) wf_thread_park_(self);
  if (bits & WF_POLL_QS) wf_rcu_poll_(self);
  if (bits & WF_POLL_SERVICE) {
    if (!atomic_load_explicit(&sticky_service, memory_order_relaxed))
      atomic_fetch_and(&self->poll, ~(uint32_t)WF_POLL_SERVICE);
    for (int i = 0; i < nservices; i++) services[i](self);
  }
}
