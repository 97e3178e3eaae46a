/* C shims for the threads/ unit tests: safepoint polls, the native state,
 * stop-the-world and RCU. Each check returns "" or a message. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "lock.h"
#include "rcu.h"
#include "shim.h"
#include "tobj.h"

static char msg[512];

/* Sleep as a blocking call must: in the NATIVE state, so that a thread
 * stopping the world meanwhile does not wait for us. */
static void sleep_us(unsigned us) {
  WF_NATIVE_REGION { usleep(us); }
}
#define FAIL(...) (snprintf(msg, sizeof msg, __VA_ARGS__), msg)

static _Atomic int service_runs;
static void count_service(wf_thread_t *self) {
  (void)self;
  atomic_fetch_add(&service_runs, 1);
}

const char *shim_poll(void) {
  static bool registered;
  if (!registered) {
    wf_safepoint_add_service(count_service);
    registered = true;
  }
  wf_thread_t *self = wf_thread_self();
  if (wf_gc_stress_enabled()) return ""; /* the sticky bit makes every poll slow */
  atomic_fetch_and(&self->poll, ~(uint32_t)WF_POLL_SERVICE);
  int before = atomic_load(&service_runs);
  for (int i = 0; i < 1000000; i++) WF_SAFEPOINT_POLL();
  if (atomic_load(&service_runs) != before) return FAIL("services ran with no request");
  wf_safepoint_request_service();
  if (!(atomic_load(&self->poll) & WF_POLL_SERVICE)) return FAIL("request did not set the poll bit");
  WF_SAFEPOINT_POLL();
  if (atomic_load(&service_runs) != before + 1) return FAIL("requested service ran %d times", atomic_load(&service_runs) - before);
  for (int i = 0; i < 1000; i++) WF_SAFEPOINT_POLL();
  if (atomic_load(&service_runs) != before + 1) return FAIL("service ran again without a request");
  return "";
}

/* ---- Stop-the-world while threads sit in the native state ---- */

typedef struct native_ctx {
  pthread_mutex_t m;
  pthread_cond_t c;
  bool release;
  _Atomic int in_native, done;
  _Atomic int world_released; /* set by the main thread just before stw_end */
  _Atomic int saw_world_stopped;
} native_ctx;

static void native_worker(void *arg) {
  native_ctx *x = arg;
  wf_thread_enter_native();
  atomic_fetch_add(&x->in_native, 1);
  pthread_mutex_lock(&x->m);
  while (!x->release) pthread_cond_wait(&x->c, &x->m);
  pthread_mutex_unlock(&x->m);
  wf_thread_leave_native();
  /* Leaving native waits for any stop in progress. */
  if (!atomic_load(&x->world_released)) atomic_fetch_add(&x->saw_world_stopped, 1);
  tleaf_new(1);
  atomic_fetch_add(&x->done, 1);
}

const char *shim_stw_with_native_threads(int nthreads) {
  native_ctx x = {.m = PTHREAD_MUTEX_INITIALIZER, .c = PTHREAD_COND_INITIALIZER};
  wf_os_thread_t th[16];
  for (int i = 0; i < nthreads; i++) wf_thread_start(&th[i], native_worker, &x);
  while (atomic_load(&x.in_native) < nthreads) sleep_us(100);
  uint64_t t0 = wf_time_ns();
  wf_stw_begin();
  uint64_t dt = wf_time_ns() - t0;
  /* Release the workers while the world is stopped: they must wait. */
  pthread_mutex_lock(&x.m);
  x.release = true;
  pthread_cond_broadcast(&x.c);
  pthread_mutex_unlock(&x.m);
  usleep(20000);
  int done_during = atomic_load(&x.done);
  atomic_store(&x.world_released, 1);
  wf_stw_end();
  for (int i = 0; i < nthreads; i++) wf_thread_join(th[i]);
  if (dt > 2000000000ull) return FAIL("stop took %llu ms with all threads native", (unsigned long long)(dt / 1000000));
  if (done_during) return FAIL("%d threads ran managed code during the stop", done_during);
  if (atomic_load(&x.saw_world_stopped)) return FAIL("a thread left native before the world restarted");
  if (atomic_load(&x.done) != nthreads) return FAIL("only %d threads finished", atomic_load(&x.done));
  return "";
}

/* ---- Stop-the-world against threads that poll ---- */

typedef struct spin_ctx {
  _Atomic int stop, started;
  _Atomic uint64_t progress;
} spin_ctx;

static void spinner(void *arg) {
  spin_ctx *x = arg;
  atomic_fetch_add(&x->started, 1);
  while (!atomic_load(&x->stop)) {
    atomic_fetch_add(&x->progress, 1);
    WF_SAFEPOINT_POLL();
  }
}

const char *shim_stw_stops_pollers(int nthreads, int rounds) {
  spin_ctx x = {0};
  wf_os_thread_t th[16];
  for (int i = 0; i < nthreads; i++) wf_thread_start(&th[i], spinner, &x);
  while (atomic_load(&x.started) < nthreads) sleep_us(100);
  const char *err = "";
  for (int r = 0; r < rounds && !*err; r++) {
    wf_stw_begin();
    uint64_t p0 = atomic_load(&x.progress);
    usleep(2000);
    uint64_t p1 = atomic_load(&x.progress);
    wf_stw_end();
    if (p1 != p0) err = FAIL("round %d: threads made %llu steps while stopped", r, (unsigned long long)(p1 - p0));
  }
  /* Resuming needs the spinners to be scheduled again: on a loaded 2-core
   * machine 5 ms was not always enough, so allow up to 2 s. */
  uint64_t p = atomic_load(&x.progress);
  for (int waited = 0; waited < 2000 && atomic_load(&x.progress) == p; waited++) sleep_us(1000);
  if (!*err && atomic_load(&x.progress) == p) err = FAIL("threads did not resume");
  atomic_store(&x.stop, 1);
  for (int i = 0; i < nthreads; i++) wf_thread_join(th[i]);
  return err;
}

/* ---- RCU ---- */

typedef struct rec {
  wf_rcu_head head;
  _Atomic int value;
} rec;

static rec *published; /* through wf_rcu_publish/read only */
static _Atomic int freed;

static void free_rec(wf_rcu_head *h) {
  rec *r = (rec *)h;
  atomic_store(&r->value, -1); /* readers must never see this */
  free(r);
  atomic_fetch_add(&freed, 1);
}

typedef struct reader_ctx {
  _Atomic int stop;
  _Atomic int bad;
  _Atomic uint64_t reads;
} reader_ctx;

static void reader(void *arg) {
  reader_ctx *x = arg;
  while (!atomic_load(&x->stop)) {
    rec *r = wf_rcu_read(&published);
    if (atomic_load(&r->value) < 0) atomic_store(&x->bad, 1);
    atomic_fetch_add(&x->reads, 1);
    WF_SAFEPOINT_POLL(); /* quiescent state */
  }
}

const char *shim_rcu(int nreaders, int updates) {
  reader_ctx x = {0};
  rec *first = calloc(1, sizeof *first);
  atomic_store(&first->value, 0);
  wf_rcu_publish(&published, first);
  wf_os_thread_t th[16];
  for (int i = 0; i < nreaders; i++) wf_thread_start(&th[i], reader, &x);
  int base = atomic_load(&freed);
  for (int i = 1; i <= updates; i++) {
    rec *r = calloc(1, sizeof *r);
    atomic_store(&r->value, i);
    rec *old = wf_rcu_exchange(&published, r);
    wf_rcu_retire(&old->head, free_rec);
    WF_SAFEPOINT_POLL();
  }
  wf_rcu_barrier();
  atomic_store(&x.stop, 1);
  for (int i = 0; i < nreaders; i++) wf_thread_join(th[i]);
  if (atomic_load(&x.bad)) return FAIL("a reader saw a reclaimed record");
  if (atomic_load(&freed) - base != updates) return FAIL("%d of %d records reclaimed", atomic_load(&freed) - base, updates);
  rec *last = wf_rcu_exchange(&published, NULL);
  free(last);
  return "";
}

/* ---- wf_lock: no lost update under contention ---- */

typedef struct lock_ctx {
  wf_lock lock;
  uint64_t counter; /* plain: protected by lock */
  int iters;
} lock_ctx;

static void lock_worker(void *arg) {
  lock_ctx *x = arg;
  for (int i = 0; i < x->iters; i++) {
    wf_lock_acquire(&x->lock);
    x->counter++;
    wf_lock_release(&x->lock);
    if ((i & 255) == 0) WF_SAFEPOINT_POLL();
  }
}

const char *shim_lock_counter(int nthreads, int iters) {
  lock_ctx x = {.iters = iters};
  wf_os_thread_t th[16];
  for (int i = 0; i < nthreads; i++) wf_thread_start(&th[i], lock_worker, &x);
  for (int i = 0; i < nthreads; i++) wf_thread_join(th[i]);
  if (x.counter != (uint64_t)nthreads * (uint64_t)iters)
    return FAIL("counter %llu, want %llu", (unsigned long long)x.counter, (unsigned long long)nthreads * iters);
  if (wf_lock_is_held(&x.lock)) return FAIL("lock still held");
  return "";
}
