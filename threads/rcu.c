/* RCU over liburcu QSBR, with grace periods driven through safepoint polls.
 *
 * Algorithm
 *   Readers: every attached RUNNING thread is an online QSBR reader. To keep
 *   the poll at one load, a thread reports a quiescent state only in the
 *   poll's slow path. A grace period therefore asks for reports:
 *     1. wf_rcu_retire pushes the record on `pending` and wakes the reclaimer.
 *     2. The reclaimer takes the whole batch, sets qs_wanted = 1 and then sets
 *        WF_POLL_QS in every attached thread, and calls synchronize_rcu().
 *     3. A thread whose poll sees WF_POLL_QS reports a quiescent state. While
 *        qs_wanted stays 1 it keeps the bit, so it reports again at every poll
 *        until the grace period (which may have begun after its first report)
 *        completes. Clearing is ordered: clear the bit, then re-read
 *        qs_wanted, and re-set the bit if it is 1 (seq_cst on both sides, so a
 *        request is never lost between a stale read and the clear).
 *     4. synchronize_rcu returns; qs_wanted = 0; the batch's callbacks run.
 *   NATIVE and PARKED threads are offline and never hold up a grace period.
 *
 * Invariants
 *   - A record retired before step 2 of a batch is freed only after every
 *     thread that was online at retire time went through a quiescent state or
 *     offline: exactly QSBR's guarantee.
 *   - TSan cannot see that guarantee, so every quiescent state and every
 *     offline transition releases `tsan_token` and the reclaimer acquires it
 *     before running callbacks (a true happens-before edge).
 */
#define _GNU_SOURCE
#include "rcu.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <urcu-qsbr.h>

#include "internal.h"
#include "tsan.h"

static pthread_mutex_t rc_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t rc_cond = PTHREAD_COND_INITIALIZER;
static wf_rcu_head *pending;          /* under rc_lock */
static uint64_t retired, reclaimed;   /* under rc_lock */
static bool reclaimer_started;        /* under rc_lock */
static _Atomic int qs_wanted;         /* seq_cst; written by the reclaimer */
static char tsan_token;

void wf_rcu_init(void) {}

void wf_rcu_register_thread(void) {
  rcu_register_thread();
  wf_rcu_thread_offline();
}

void wf_rcu_unregister_thread(void) {
  wf_tsan_release(&tsan_token);
  rcu_unregister_thread();
}

void wf_rcu_thread_offline(void) {
  wf_tsan_release(&tsan_token);
  rcu_thread_offline();
}

void wf_rcu_thread_online(void) { rcu_thread_online(); }

void wf_rcu_quiescent(void) {
  wf_tsan_release(&tsan_token);
  rcu_quiescent_state();
}

/* The safepoint slow path's part (step 3). */
void wf_rcu_poll_(wf_thread_t *self) {
  wf_rcu_quiescent();
  if (!atomic_load(&qs_wanted)) {
    atomic_fetch_and(&self->poll, ~(uint32_t)WF_POLL_QS);
    if (atomic_load(&qs_wanted)) atomic_fetch_or(&self->poll, WF_POLL_QS);
  }
}

static void set_qs_bit(wf_thread_t *t, void *unused) {
  (void)unused;
  atomic_fetch_or(&t->poll, WF_POLL_QS);
}

static void *reclaimer_main(void *unused) {
  (void)unused;
  pthread_mutex_lock(&rc_lock);
  for (;;) {
    while (!pending) pthread_cond_wait(&rc_cond, &rc_lock);
    wf_rcu_head *batch = pending;
    pending = NULL;
    pthread_mutex_unlock(&rc_lock);

    atomic_store(&qs_wanted, 1);
    wf_threads_for_each_locked_(set_qs_bit, NULL);
    synchronize_rcu();
    atomic_store(&qs_wanted, 0);

    wf_tsan_acquire(&tsan_token);
    uint64_t n = 0;
    while (batch) {
      wf_rcu_head *next = batch->next;
      batch->fn(batch);
      batch = next;
      n++;
    }
    pthread_mutex_lock(&rc_lock);
    reclaimed += n;
    pthread_cond_broadcast(&rc_cond);
  }
  return NULL;
}

void wf_rcu_retire(wf_rcu_head *head, void (*fn)(wf_rcu_head *)) {
  head->fn = fn;
  pthread_mutex_lock(&rc_lock);
  if (!reclaimer_started) {
    pthread_t th;
    if (pthread_create(&th, NULL, reclaimer_main, NULL) != 0) abort();
    pthread_detach(th);
    reclaimer_started = true;
  }
  head->next = pending;
  pending = head;
  retired++;
  pthread_cond_broadcast(&rc_cond);
  pthread_mutex_unlock(&rc_lock);
}

void wf_rcu_barrier(void) {
  bool attached = wf_thread_is_attached();
  if (attached) wf_thread_enter_native();
  pthread_mutex_lock(&rc_lock);
  uint64_t target = retired;
  while (reclaimed < target) pthread_cond_wait(&rc_cond, &rc_lock);
  pthread_mutex_unlock(&rc_lock);
  if (attached) wf_thread_leave_native();
}
