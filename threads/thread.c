/* Thread registry, the native state and stop-the-world handshakes.
 *
 * Algorithm
 *   One registry lock L guards the list of attached threads and one condition
 *   variable C announces every state change a waiter may care about.
 *   A stop-the-world (STW) owner:
 *     1. takes L; if another STW is active it parks like any thread until it
 *        ends; then sets stw_active = 1 (seq_cst) and records itself as owner;
 *     2. sets WF_POLL_STOP in every other thread's poll word;
 *     3. waits on C until every other thread is PARKED or NATIVE; releases L.
 *   Ending: take L, clear the STOP bits, stw_active = 0, broadcast C.
 *   A thread whose poll sees WF_POLL_STOP takes L and, if a STW is active,
 *   becomes PARKED, broadcasts C and waits on C until stw_active is 0.
 *
 * The native state (no lock on the common path)
 *   enter: state = NATIVE (seq_cst); if stw_active, take L and broadcast C so a
 *          waiting owner re-counts.
 *   leave: state = RUNNING (seq_cst); then load stw_active (seq_cst). If set,
 *          go back to NATIVE, broadcast, and wait on C for the STW to end.
 *   Dekker: the owner stores stw_active and then loads each state; the thread
 *   stores its state and then loads stw_active. With all four seq_cst, at least
 *   one side sees the other's store: either the owner sees RUNNING and waits,
 *   or the thread sees stw_active and backs off. No thread runs managed code
 *   while the owner believes the world is stopped.
 *
 * Single-thread mode (wf_threads_multi_ false)
 *   Object critical sections (wf_lock, generator resumption) use plain
 *   stores while only one thread is attached. The flag must turn on while
 *   no such section is open and before the second thread touches the heap:
 *   - wf_thread_start sets it in the creating thread (which is not inside a
 *     critical section: those never call out) before pthread_create, whose
 *     happens-before hands it to the new thread;
 *   - a thread attaching on its own (a foreign thread) while it is off
 *     stops the world to set it: every other thread is then at a safepoint
 *     or native, where it holds no wf_lock.
 *   It never turns off again.
 *
 * Invariants
 *   - While stw_active, the registry does not change: attach and detach wait
 *     on C for the STW to end (both in the NATIVE state, so they count as
 *     stopped while they wait).
 *   - A parked or native thread holds no lock that a STW owner needs (polls
 *     are never inside such critical sections; see
 *     wf_mutex_lock_safepoint_aware for locks held across a stop).
 *   - Only the owning thread writes its `state` and `native_depth`.
 *   - RCU: a thread is online exactly while RUNNING (see rcu.c).
 */
#define _GNU_SOURCE
#include "thread.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"
#include "lock.h"
#include "rcu.h"

__thread wf_thread_t wf_thread_self_tls __attribute__((tls_model("initial-exec")));

static pthread_mutex_t reg_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t reg_cond = PTHREAD_COND_INITIALIZER;
static wf_thread_t *reg_head;       /* under reg_lock */
static size_t reg_count;            /* under reg_lock */
static uint64_t reg_next_id;        /* under reg_lock */
static _Atomic int stw_active;      /* seq_cst; written under reg_lock */
static wf_thread_t *_Atomic stw_owner; /* written under reg_lock */
static wf_stw_stats_t stw_stats;    /* under reg_lock */
_Atomic bool wf_threads_multi_;

#define MAX_HOOKS 8
static wf_thread_hook_fn attach_hooks[MAX_HOOKS], detach_hooks[MAX_HOOKS];
static int nhooks; /* registered at start-up, before other threads exist */

#if defined(WF_DEBUG) || defined(WF_ASAN) || defined(WF_TSAN)
#include <stdio.h>
void wf_debug_check_failed(const char *what, const char *file, int line) {
  fprintf(stderr, "weft: internal check failed: %s (%s:%d)\n", what, file, line);
  abort();
}
#endif

uint64_t wf_time_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static bool stw_by_other(wf_thread_t *self) {
  return atomic_load(&stw_active) && atomic_load(&stw_owner) != self;
}

/* Called with reg_lock held: wait, counted as stopped, until no STW runs. */
static void wait_out_stw_locked(wf_thread_t *self, int waiting_state) {
  int old = atomic_load(&self->state);
  atomic_store(&self->state, waiting_state);
  pthread_cond_broadcast(&reg_cond);
  while (stw_by_other(self)) pthread_cond_wait(&reg_cond, &reg_lock);
  atomic_store(&self->state, old);
}

void wf_threads_add_hooks(wf_thread_hook_fn on_attach, wf_thread_hook_fn on_detach) {
  if (nhooks == MAX_HOOKS) abort();
  attach_hooks[nhooks] = on_attach;
  detach_hooks[nhooks] = on_detach;
  nhooks++;
}

bool wf_thread_is_attached(void) {
  return atomic_load_explicit(&wf_thread_self()->state, memory_order_relaxed) != WF_THREAD_DETACHED;
}

void wf_thread_attach(void) {
  wf_thread_t *self = wf_thread_self();
  if (wf_thread_is_attached()) return;
  memset(self, 0, sizeof *self);
  atomic_store(&self->state, WF_THREAD_NATIVE);
  self->native_depth = 1;
  wf_rcu_register_thread(); /* offline until we leave native */

  pthread_mutex_lock(&reg_lock);
  while (atomic_load(&stw_active)) pthread_cond_wait(&reg_cond, &reg_lock);
  self->id = ++reg_next_id;
  self->lock_id = (uint16_t)(self->id % 0xFFFD + 1);
  self->next = reg_head;
  if (reg_head) reg_head->prev = self;
  reg_head = self;
  reg_count++;
  bool others = reg_count > 1;
  pthread_mutex_unlock(&reg_lock);
  wf_safepoint_thread_attached_(self);

  wf_thread_leave_native();
  if (others && wf_threads_single()) {
    wf_stw_begin();
    atomic_store(&wf_threads_multi_, true);
    wf_stw_end();
  }
  for (int i = 0; i < nhooks; i++)
    if (attach_hooks[i]) attach_hooks[i](self);
}

void wf_thread_detach(void) {
  wf_thread_t *self = wf_thread_self();
  if (!wf_thread_is_attached()) return;
  for (int i = nhooks - 1; i >= 0; i--)
    if (detach_hooks[i]) detach_hooks[i](self);

  wf_thread_enter_native();
  pthread_mutex_lock(&reg_lock);
  while (atomic_load(&stw_active)) pthread_cond_wait(&reg_cond, &reg_lock);
  if (self->prev) self->prev->next = self->next;
  else reg_head = self->next;
  if (self->next) self->next->prev = self->prev;
  reg_count--;
  atomic_store(&self->state, WF_THREAD_DETACHED);
  pthread_cond_broadcast(&reg_cond);
  pthread_mutex_unlock(&reg_lock);
  wf_rcu_unregister_thread();
}

void wf_threads_init(void) {
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  static bool done;
  pthread_once(&once, wf_rcu_init);
  if (done) return;
  done = true;
  wf_lock_init_bias_();
  wf_thread_attach();
  wf_thread_self()->is_main = true;
}

void wf_thread_enter_native(void) {
  wf_thread_t *self = wf_thread_self();
  if (self->native_depth++ > 0) return;
  wf_rcu_thread_offline();
  atomic_store(&self->state, WF_THREAD_NATIVE);
  if (atomic_load(&stw_active)) {
    pthread_mutex_lock(&reg_lock);
    pthread_cond_broadcast(&reg_cond);
    pthread_mutex_unlock(&reg_lock);
  }
}

void wf_thread_leave_native(void) {
  wf_thread_t *self = wf_thread_self();
  if (--self->native_depth > 0) return;
  for (;;) {
    atomic_store(&self->state, WF_THREAD_RUNNING);
    if (!stw_by_other(self)) break;
    /* A stop is starting or running: back off and wait it out. */
    atomic_store(&self->state, WF_THREAD_NATIVE);
    pthread_mutex_lock(&reg_lock);
    pthread_cond_broadcast(&reg_cond);
    while (stw_by_other(self)) pthread_cond_wait(&reg_cond, &reg_lock);
    pthread_mutex_unlock(&reg_lock);
  }
  wf_rcu_thread_online();
}

void wf_mutex_lock_safepoint_aware(void *m) {
  pthread_mutex_t *mutex = m;
  if (pthread_mutex_trylock(mutex) == 0) return;
  wf_thread_enter_native();
  pthread_mutex_lock(mutex);
  /* Safe to wait for a stop while holding `mutex`: whoever stops the world
   * took it before stopping (or never takes it), so it cannot be waiting on us. */
  wf_thread_leave_native();
}

/* Called from the safepoint slow path when WF_POLL_STOP is set. */
void wf_thread_park_(wf_thread_t *self) {
  pthread_mutex_lock(&reg_lock);
  if (stw_by_other(self)) {
    wf_rcu_thread_offline();
    wait_out_stw_locked(self, WF_THREAD_PARKED);
    pthread_mutex_unlock(&reg_lock);
    wf_rcu_thread_online();
    return;
  }
  pthread_mutex_unlock(&reg_lock);
}

static bool others_stopped_locked(wf_thread_t *self) {
  for (wf_thread_t *t = reg_head; t; t = t->next) {
    if (t == self) continue;
    int s = atomic_load(&t->state);
    if (s != WF_THREAD_PARKED && s != WF_THREAD_NATIVE) return false;
  }
  return true;
}

void wf_stw_begin(void) {
  wf_thread_t *self = wf_thread_self();
  pthread_mutex_lock(&reg_lock);
  if (stw_by_other(self)) {
    wf_rcu_thread_offline();
    wait_out_stw_locked(self, WF_THREAD_PARKED);
    wf_rcu_thread_online();
  }
  uint64_t t0 = wf_time_ns();
  atomic_store(&stw_owner, self);
  atomic_store(&stw_active, 1);
  for (wf_thread_t *t = reg_head; t; t = t->next)
    if (t != self) atomic_fetch_or(&t->poll, WF_POLL_STOP);
  while (!others_stopped_locked(self)) pthread_cond_wait(&reg_cond, &reg_lock);
  uint64_t dt = wf_time_ns() - t0;
  stw_stats.total_sync_ns += dt;
  if (dt > stw_stats.max_sync_ns) stw_stats.max_sync_ns = dt;
  pthread_mutex_unlock(&reg_lock);
}

void wf_stw_end(void) {
  pthread_mutex_lock(&reg_lock);
  for (wf_thread_t *t = reg_head; t; t = t->next)
    atomic_fetch_and(&t->poll, ~(uint32_t)WF_POLL_STOP);
  stw_stats.stops++;
  atomic_store(&stw_active, 0);
  atomic_store(&stw_owner, NULL);
  pthread_cond_broadcast(&reg_cond);
  pthread_mutex_unlock(&reg_lock);
}

bool wf_stw_held_by_self(void) {
  return atomic_load(&stw_active) && atomic_load(&stw_owner) == wf_thread_self();
}

wf_thread_t *wf_threads_first(void) { return reg_head; }

size_t wf_threads_count(void) {
  pthread_mutex_lock(&reg_lock);
  size_t n = reg_count;
  pthread_mutex_unlock(&reg_lock);
  return n;
}

void wf_stw_get_stats(wf_stw_stats_t *out) {
  pthread_mutex_lock(&reg_lock);
  *out = stw_stats;
  pthread_mutex_unlock(&reg_lock);
}

/* Run fn on every attached thread under the registry lock (used to set poll
 * bits from threads that may not be attached, such as the RCU reclaimer). */
void wf_threads_for_each_locked_(void (*fn)(wf_thread_t *, void *), void *arg) {
  pthread_mutex_lock(&reg_lock);
  for (wf_thread_t *t = reg_head; t; t = t->next) fn(t, arg);
  pthread_mutex_unlock(&reg_lock);
}

/* ---- OS threads ------------------------------------------------------------ */

typedef struct start_args {
  void (*fn)(void *);
  void *arg;
} start_args;

static void *thread_main(void *p) {
  start_args a = *(start_args *)p;
  free(p);
  wf_thread_attach();
  a.fn(a.arg);
  wf_thread_detach();
  return NULL;
}

int wf_thread_start(wf_os_thread_t *out, void (*fn)(void *), void *arg) {
  start_args *a = malloc(sizeof *a);
  if (!a) return ENOMEM;
  a->fn = fn;
  a->arg = arg;
  atomic_store(&wf_threads_multi_, true);
  pthread_t th;
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 8u << 20);
  if (!out) pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  int rc = pthread_create(&th, &attr, thread_main, a);
  pthread_attr_destroy(&attr);
  if (rc) {
    free(a);
    return rc;
  }
  if (out) out->handle = (unsigned long)th;
  return 0;
}

int wf_thread_join(wf_os_thread_t t) {
  bool attached = wf_thread_is_attached();
  if (attached) wf_thread_enter_native();
  int rc = pthread_join((pthread_t)t.handle, NULL);
  if (attached) wf_thread_leave_native();
  return rc;
}
