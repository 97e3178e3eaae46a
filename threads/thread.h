/* Thread states, safepoints and stop-the-world: the public header of threads/.
 *
 * Every OS thread that touches the heap is *attached*: it has a wf_thread_t
 * (in static TLS) linked into the registry. An attached thread is in one of
 * three states:
 *
 *   RUNNING  managed code: it may touch the heap and must poll safepoints.
 *   NATIVE   blocking or foreign code: it must not touch the heap; the GC
 *            treats it as stopped and scans its published roots. RCU-offline.
 *   PARKED   stopped at a safepoint while another thread holds the world.
 *
 * A safepoint poll (WF_SAFEPOINT_POLL) is one load of the thread's own poll
 * word and a branch predicted not taken. Other threads set bits in that word
 * to ask for something: stop for a stop-the-world (WF_POLL_STOP), report an
 * RCU quiescent state (WF_POLL_QS), or run the registered services
 * (WF_POLL_SERVICE, e.g. "a collection is due"). See safepoint.c and
 * thread.c for the protocols and their invariants.
 */
#ifndef WF_THREADS_THREAD_H
#define WF_THREADS_THREAD_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Checks of calling rules, on in Debug and sanitizer builds. */
#if defined(WF_DEBUG) || defined(WF_ASAN) || defined(WF_TSAN)
void wf_debug_check_failed(const char *what, const char *file, int line) __attribute__((noreturn));
#define WF_DEBUG_CHECK(cond, what) ((cond) ? (void)0 : wf_debug_check_failed((what), __FILE__, __LINE__))
#else
#define WF_DEBUG_CHECK(cond, what) ((void)0)
#endif

enum wf_thread_state {
  WF_THREAD_DETACHED = 0,
  WF_THREAD_RUNNING = 1,
  WF_THREAD_NATIVE = 2,
  WF_THREAD_PARKED = 3,
};

/* Bits of the poll word. */
enum {
  WF_POLL_STOP = 1u << 0,    /* a stop-the-world is in progress: park */
  WF_POLL_QS = 1u << 1,      /* an RCU grace period waits for this thread */
  WF_POLL_SERVICE = 1u << 2, /* run the registered safepoint services */
};

typedef struct wf_thread wf_thread_t;

struct wf_thread {
  /* Written by any thread with atomic_fetch_or/and; read by the owner with a
   * relaxed load in every poll. A set bit only ever causes a slow-path visit,
   * so relaxed is enough: the slow path synchronises through the lock. */
  _Atomic uint32_t poll;
  /* Written by the owner (and by nobody else); read by a stop-the-world
   * requester. seq_cst on both sides: see the Dekker argument in thread.c. */
  _Atomic int state;
  /* Registry links: written under the registry lock only. */
  wf_thread_t *next, *prev;
  uint64_t id;       /* 1, 2, ... in attach order; never reused */
  uint16_t lock_id;  /* id folded into 1..0xFFFD: the owner tag of biased wf_locks (lock.c) */
  int native_depth;  /* owner only: nesting of enter/leave_native */
  bool is_main;      /* attached by wf_threads_init */
  /* Per-thread records of the layers above (gc/, vm/). Written by the owner
   * at attach time, before the thread is published in the registry. */
  void *gc;
  void *vm;
};

/* The calling thread's state. Static TLS: one %fs-relative access. */
extern __thread wf_thread_t wf_thread_self_tls __attribute__((tls_model("initial-exec")));

static inline wf_thread_t *wf_thread_self(void) { return &wf_thread_self_tls; }

/* Single-thread mode: while the process has had only one attached thread,
 * per-object mutual exclusion (wf_lock, a generator's running flag) uses
 * plain loads and stores instead of atomic read-modify-writes, which cost
 * ~7 ns each here. The flag turns on, for good, before a second thread can
 * touch the heap, at a moment when no such critical section is open (see
 * thread.c, "Single-thread mode"). */
extern _Atomic bool wf_threads_multi_;
static inline bool wf_threads_single(void) {
  return !atomic_load_explicit(&wf_threads_multi_, memory_order_relaxed);
}

/* Process start-up: initialise the registry and attach the calling thread as
 * the main thread. Idempotent. */
void wf_threads_init(void);

/* Attach the calling OS thread (it starts RUNNING) / detach it. A thread
 * must detach before it exits. Attach blocks while a stop-the-world is in
 * progress. */
void wf_thread_attach(void);
void wf_thread_detach(void);
bool wf_thread_is_attached(void);

/* Hooks of the layers above, run by the attaching thread after it is linked
 * (attach: in registration order) and before it unlinks (detach: in reverse
 * order), in the RUNNING state. Register at start-up, before other threads
 * attach. */
typedef void (*wf_thread_hook_fn)(wf_thread_t *t);
void wf_threads_add_hooks(wf_thread_hook_fn on_attach, wf_thread_hook_fn on_detach);

/* Start an attached OS thread running fn(arg); it detaches when fn returns.
 * Returns 0 or an errno value. The new thread is joinable through *out
 * when out is non-NULL (join with wf_thread_join, which enters NATIVE). */
typedef struct wf_os_thread { unsigned long handle; } wf_os_thread_t;
int wf_thread_start(wf_os_thread_t *out, void (*fn)(void *), void *arg);
int wf_thread_join(wf_os_thread_t t);

/* The native state, for blocking calls. Between enter and leave the thread
 * must not touch the heap or any object; it may be blocked for any time.
 * Leaving waits for a stop-the-world in progress to end. Nest-safe: calls
 * pair up; only the outermost pair changes the state. */
void wf_thread_enter_native(void);
void wf_thread_leave_native(void);

/* Scope helper: WF_NATIVE_REGION { blocking_call(); } */
static inline void wf_thread_native_scope_end_(int *unused) { (void)unused; wf_thread_leave_native(); }
#define WF_NATIVE_REGION                                                        \
  for (int wf_nat_once_ __attribute__((cleanup(wf_thread_native_scope_end_))) = \
           (wf_thread_enter_native(), 0);                                       \
       wf_nat_once_ == 0; wf_nat_once_ = 1)

/* ---- Safepoints ---------------------------------------------------------- */

void wf_safepoint_slow(wf_thread_t *self);

/* The poll: one load, one predictable branch. */
#define WF_SAFEPOINT_POLL()                                                          \
  do {                                                                               \
    wf_thread_t *wf_sp_self_ = wf_thread_self();                                     \
    if (__builtin_expect(atomic_load_explicit(&wf_sp_self_->poll, memory_order_relaxed), 0)) \
      wf_safepoint_slow(wf_sp_self_);                                                \
  } while (0)

/* A service runs in the slow path of a poll when WF_POLL_SERVICE is set
 * (for example gc/ collects there). Register at start-up. */
typedef void (*wf_safepoint_service_fn)(wf_thread_t *self);
void wf_safepoint_add_service(wf_safepoint_service_fn fn);

/* Set WF_POLL_SERVICE in every attached thread, so the next poll of each
 * runs the services. */
void wf_safepoint_request_service(void);

/* Keep WF_POLL_SERVICE set permanently (GC stress: collect at every poll). */
void wf_safepoint_set_sticky_service(bool on);

/* ---- Stop-the-world ------------------------------------------------------ */

/* Stop every other attached thread: each parks at its next poll or is in the
 * NATIVE state. Returns with the world stopped; the thread set does not change
 * until wf_stw_end. Called in the RUNNING state; if another thread holds the
 * world, the caller parks first and then takes its turn. */
void wf_stw_begin(void);
void wf_stw_end(void);
bool wf_stw_held_by_self(void);

/* Take a mutex that a stop-the-world owner may hold while the world is
 * stopped: if it is busy, wait for it in the NATIVE state, so that the owner
 * can stop this thread meanwhile. Use it for every lock taken both by
 * mutators and by code running inside a stop. */
struct pthread_mutex_t_;
void wf_mutex_lock_safepoint_aware(void *pthread_mutex);

/* Iterate attached threads. Only while the world is stopped by the caller
 * (or with the registry otherwise frozen). */
wf_thread_t *wf_threads_first(void);
static inline wf_thread_t *wf_threads_next(wf_thread_t *t) { return t->next; }
size_t wf_threads_count(void);

/* Statistics of the stop-the-world machinery. */
typedef struct wf_stw_stats {
  uint64_t stops;         /* completed stop-the-world operations */
  uint64_t total_sync_ns; /* time from request until all threads stopped */
  uint64_t max_sync_ns;
} wf_stw_stats_t;
void wf_stw_get_stats(wf_stw_stats_t *out);

uint64_t wf_time_ns(void); /* monotonic clock */

#endif
