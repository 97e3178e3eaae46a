/* Marking, roots and the collection driver.
 *
 * Algorithm (one collection; today every phase runs with the world stopped)
 *   0. Trigger: allocation adds to wf_heap_allocated_since_gc at each buffer
 *      refill; past `trigger` it sets gc_requested and asks every thread to
 *      run the safepoint services. The first thread to poll collects; the
 *      others park. Allocation itself never collects.
 *   1. wf_gc_collect takes collect_lock (waiting in the NATIVE state), then
 *      stops the world (threads/).
 *   2. Prepare: drop every thread's allocation buffers, clear all mark bits.
 *   3. Roots: global roots, registered root scanners, every thread's shadow
 *      stack, and the barrier buffers (empty while marking is stop-the-world).
 *   4. Mark: pop the explicit mark stack until empty; for each object visit
 *      its type pointer and call the type's trace function, which reports each
 *      reference with wf_gc_visit. A reference is pushed only when its mark
 *      bit goes from 0 to 1, so each object is scanned once and cycles end.
 *      No recursion: a chain of any length needs O(1) stack. An object in a
 *      leaf span (heap.c) is marked and never pushed; popped objects pass
 *      through a small prefetch FIFO before they are scanned.
 *   5. Free unmarked large objects; queue small-object spans for lazy
 *      sweeping (eager under WEFT_GC_STRESS); set the next trigger to
 *      max(paced floor x threads, 30% of the live bytes): the heap may grow
 *      by 30% before the next collection, as with Go's GOGC=30 (pace()).
 *   6. Restart the world.
 *
 * Invariants
 *   - After step 4, every object reachable from the roots is marked, and no
 *     unmarked object is reachable (precise roots, exact trace functions).
 *   - wf_gc_visit ignores NULL and non-heap pointers (static types and
 *     immortal objects): they are not collected and need not be traced, so
 *     a static object must not be the only holder of a heap reference
 *     unless it is registered as a global root.
 *   - collect_lock is held across the stop; everyone takes it in the NATIVE
 *     state (wf_mutex_lock_safepoint_aware), so it cannot deadlock a stop.
 *   - So is roots_lock, taken after collect_lock and before the stop: a
 *     thread that won it while waiting in the NATIVE state waits for a stop
 *     to end before it returns, so a collector that took roots_lock only
 *     during the stop deadlocked with it (a thread registering its root
 *     scanner as another collected: thread_many_short.py under GC stress).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "lock.h"

/* Pointers found not to be heap objects during this collection (static
 * types, immortal constants), direct-mapped: every object visits its type,
 * and most types are static, so this spares a probe of the large-object
 * set per object. Cleared at each collection (the large space changes). */
#define STATIC_CACHE 64

struct wf_gc_tracer {
  void **stack;
  size_t len, cap;
  uint64_t live_bytes, live_objects;
  void *statics[STATIC_CACHE];
};

bool wf_gc_stress;
/* WEFT_GC_STRESS=N: collect at every N-th safepoint service (1: every poll). */
static unsigned long stress_every = 1;
static _Atomic unsigned long stress_polls;
size_t wf_gc_trace_offset;
_Atomic int wf_gc_barrier_active;
__thread wf_gc_thread_head wf_gc_tls_head __attribute__((tls_model("initial-exec")));

static pthread_mutex_t collect_lock = PTHREAD_MUTEX_INITIALIZER;
static _Atomic bool gc_requested;
static _Atomic uint64_t gc_trigger = 2u << 20;
static size_t min_trigger = 2u << 20; /* per thread: small heaps stay small, see docs/design.md */
/* The heap may grow by this share of the live bytes between collections
 * (Go's GOGC): 30, so that a large live heap peaks near 1.3x its live size
 * (docs/design.md: peak memory within 1.2x python3.11's). WEFT_GC_GROWTH. */
static uint64_t growth_percent = 30;
static wf_gc_tracer tracer;   /* used under collect_lock with the world stopped */
static wf_gc_stats stats;     /* under collect_lock */

/* Root registries: changed under roots_lock, read with the world stopped. */
typedef struct scanner {
  wf_gc_root_scanner_fn fn;
  void *arg;
} scanner;
static pthread_mutex_t roots_lock = PTHREAD_MUTEX_INITIALIZER;
static scanner *scanners;
static size_t nscanners, scanners_cap;
static void ***globals;
static size_t nglobals, globals_cap;

/* ---- Marking ----------------------------------------------------------------- */

static void push(wf_gc_tracer *t, void *p) {
  if (__builtin_expect(t->len == t->cap, 0)) {
    size_t cap = t->cap ? t->cap * 2 : 4096;
    t->stack = wf_mem_realloc(t->stack, t->cap * sizeof(void *), cap * sizeof(void *));
    t->cap = cap;
  }
  t->stack[t->len++] = p;
}

void wf_gc_visit(wf_gc_tracer *t, void *ref) {
  if (!ref) return;
  if (__builtin_expect(wf_in_small_heap(ref), 1)) {
    wf_span *s = wf_span_of(ref);
    uint32_t i = wf_span_index(s, ref);
    uint64_t bit = 1ull << (i & 63);
    if (s->mark[i >> 6] & bit) return;
    s->mark[i >> 6] |= bit;
    t->live_bytes += s->obj_size;
    if (s->leaf) { /* no references, static type: nothing to scan */
      t->live_objects++;
      return;
    }
  } else {
    void **cached = &t->statics[((uintptr_t)ref >> 4) & (STATIC_CACHE - 1)];
    if (*cached == ref) return;
    int m = wf_large_mark(ref);
    if (m <= 0) {
      if (m < 0) *cached = ref;
      return;
    }
    t->live_bytes += wf_large_usable_size(ref);
  }
  t->live_objects++;
  push(t, ref);
}

static inline void scan_object(wf_gc_tracer *t, wf_gc_header *obj) {
  void *type = obj->type;
  if (!type) return; /* allocated, not yet initialised: a leaf */
  wf_gc_visit(t, type);
  wf_gc_trace_fn trace = *(wf_gc_trace_fn *)((char *)type + wf_gc_trace_offset);
  if (trace) trace(obj, t);
}

/* Objects popped from the mark stack wait in a small FIFO, prefetched, so
 * that the cache miss on each object overlaps the scanning of the ones
 * before it (a large live heap is mostly cache misses). */
#define PREFETCH_DEPTH 8

static void drain(wf_gc_tracer *t) {
  wf_gc_header *fifo[PREFETCH_DEPTH];
  unsigned head = 0, count = 0;
  for (;;) {
    while (count < PREFETCH_DEPTH && t->len) {
      wf_gc_header *obj = t->stack[--t->len];
      __builtin_prefetch(obj);
      fifo[(head + count) % PREFETCH_DEPTH] = obj;
      count++;
    }
    if (!count) return;
    wf_gc_header *obj = fifo[head];
    head = (head + 1) % PREFETCH_DEPTH;
    count--;
    scan_object(t, obj);
  }
}

/* Called with roots_lock held (collect_locked) and the world stopped. */
static void scan_roots(wf_gc_tracer *t) {
  for (size_t i = 0; i < nglobals; i++) wf_gc_visit(t, *globals[i]);
  for (size_t i = 0; i < nscanners; i++) scanners[i].fn(t, scanners[i].arg);
  for (wf_thread_t *th = wf_threads_first(); th; th = wf_threads_next(th)) {
    wf_gc_thread *g = th->gc;
    if (!g) continue;
    wf_gc_thread_head *head = g->head;
    for (size_t i = 0; i < head->shadow.len; i++) wf_gc_visit(t, *head->shadow.slots[i]);
    for (size_t i = 0; i < g->satb_len; i++) wf_gc_visit(t, g->satb[i]);
    g->satb_len = 0;
    drain(t);
  }
  drain(t);
}

/* ---- The driver ---------------------------------------------------------------- */

static void collect_world_stopped(void) {
  uint64_t t0 = wf_time_ns();
  wf_heap_prepare_mark();
  wf_large_clear_marks();
  tracer.live_bytes = tracer.live_objects = 0;
  memset(tracer.statics, 0, sizeof tracer.statics);
  scan_roots(&tracer);
  drain(&tracer);
  uint64_t t1 = wf_time_ns();
  wf_large_sweep();
  wf_heap_after_mark();

  atomic_store(&wf_heap_allocated_since_gc, 0);
  atomic_store(&gc_requested, false);

  uint64_t t2 = wf_time_ns();
  stats.collections++;
  stats.pause_last_ns = t2 - t0;
  stats.mark_last_ns = t1 - t0;
  stats.pause_total_ns += t2 - t0;
  if (t2 - t0 > stats.pause_max_ns) stats.pause_max_ns = t2 - t0;
  stats.live_bytes = tracer.live_bytes;
  stats.live_objects = tracer.live_objects;
}

/* Pacing (under collect_lock): the trigger floor per thread starts at
 * min_trigger, so small programs keep a small heap; it doubles (up to
 * 8x) while collections take more than 20% of the time and halves again
 * below 5%, so allocation-heavy threads do not stop the world too often.
 * The share of time is a moving average over the last ~8 collections
 * (gc_share, in 1/1024ths): judged on one collection, a single slow one
 * (a page-fault burst, a descheduled thread) doubled the floor for the
 * rest of the run, and small programs' peak memory varied up to 1.6x. */
static size_t paced_floor;
static uint64_t last_gc_end_ns;
static uint64_t gc_share;

static void pace(uint64_t begin, uint64_t end) {
  if (!paced_floor) paced_floor = min_trigger;
  uint64_t cost = end - begin, interval = last_gc_end_ns ? begin - last_gc_end_ns : 0;
  if (interval) {
    uint64_t share = cost >= interval ? 1024 : cost * 1024 / interval;
    gc_share = (gc_share * 7 + share) / 8;
  }
  if (gc_share * 5 > 1024 && paced_floor < 8 * min_trigger) {
    paced_floor *= 2;
    gc_share = 0; /* judge the new floor on its own collections */
  } else if (gc_share * 20 < 1024 && paced_floor > min_trigger) {
    paced_floor /= 2;
  }
  last_gc_end_ns = end;
  /* Each attached thread allocates into its own spans: scale the floor.
   * With several threads every collection also costs a stop-the-world
   * handshake (waking sleepers, waiting for polls), so the floor per thread
   * is 4x larger then: 2 threads allocating boxed ints scaled 1.46x at
   * 2 MiB per thread and 1.86x at 8 MiB (threads_scaling). */
  size_t threads = wf_threads_count();
  uint64_t per_thread = threads > 1 ? 4 * (uint64_t)paced_floor : paced_floor;
  uint64_t floor = per_thread * (threads ? threads : 1), live = stats.live_bytes;
  uint64_t growth = live * growth_percent / 100;
  /* Pacing is for small heaps (where the roots dominate a collection); once
   * the growth term passes the unpaced floor, it alone sets the trigger and
   * the peak stays at (1 + growth) x live. */
  uint64_t base = (threads > 1 ? 4 * (uint64_t)min_trigger : min_trigger) * (threads ? threads : 1);
  if (growth >= base) floor = base;
  atomic_store(&gc_trigger, growth > floor ? growth : floor);
}

/* Called with collect_lock held. */
static void collect_locked(void) {
  uint64_t begin = wf_time_ns();
  wf_mutex_lock_safepoint_aware(&roots_lock); /* before the stop: see the invariants */
  wf_stw_begin();
  collect_world_stopped();
  wf_stw_end();
  pthread_mutex_unlock(&roots_lock);
  pace(begin, wf_time_ns());
  /* Outside the pause: free spans that the next cycle will allocate into
   * stay committed, colder ones go back to the OS. */
  wf_heap_trim(atomic_load(&gc_trigger));
}

void wf_gc_collect(void) {
  WF_DEBUG_CHECK(wf_locks_held() == 0, "wf_gc_collect while holding a wf_lock");
  wf_mutex_lock_safepoint_aware(&collect_lock);
  collect_locked();
  pthread_mutex_unlock(&collect_lock);
}

/* The safepoint service: collect if a collection is due. */
static bool stress_due(void) {
  return wf_gc_stress && atomic_fetch_add_explicit(&stress_polls, 1, memory_order_relaxed) % stress_every == 0;
}

static void gc_service(wf_thread_t *self) {
  (void)self;
  bool stress = stress_due();
  if (stress || atomic_load_explicit(&gc_requested, memory_order_relaxed)) {
    wf_mutex_lock_safepoint_aware(&collect_lock);
    /* Another thread may have collected while we waited for the lock. */
    if (stress || atomic_load(&gc_requested)) collect_locked();
    pthread_mutex_unlock(&collect_lock);
  }
}

void wf_gc_note_allocation(size_t bytes) {
  uint64_t since = atomic_fetch_add_explicit(&wf_heap_allocated_since_gc, bytes, memory_order_relaxed) + bytes;
  atomic_fetch_add_explicit(&wf_heap_allocated_total, bytes, memory_order_relaxed);
  if (since >= atomic_load_explicit(&gc_trigger, memory_order_relaxed) &&
      !atomic_exchange(&gc_requested, true))
    wf_safepoint_request_service();
}

/* ---- Roots API --------------------------------------------------------------- */

void wf_gc_add_root_scanner(wf_gc_root_scanner_fn fn, void *arg) {
  wf_mutex_lock_safepoint_aware(&roots_lock);
  if (nscanners == scanners_cap) {
    size_t cap = scanners_cap ? 2 * scanners_cap : 8;
    scanners = wf_mem_realloc(scanners, scanners_cap * sizeof *scanners, cap * sizeof *scanners);
    scanners_cap = cap;
  }
  scanners[nscanners++] = (scanner){fn, arg};
  pthread_mutex_unlock(&roots_lock);
}

void wf_gc_remove_root_scanner(wf_gc_root_scanner_fn fn, void *arg) {
  wf_mutex_lock_safepoint_aware(&roots_lock);
  for (size_t i = 0; i < nscanners; i++) {
    if (scanners[i].fn == fn && scanners[i].arg == arg) {
      scanners[i] = scanners[--nscanners];
      break;
    }
  }
  pthread_mutex_unlock(&roots_lock);
}

void wf_gc_add_global_root(void **slot) {
  wf_mutex_lock_safepoint_aware(&roots_lock);
  if (nglobals == globals_cap) {
    size_t cap = globals_cap ? 2 * globals_cap : 64;
    globals = wf_mem_realloc(globals, globals_cap * sizeof *globals, cap * sizeof *globals);
    globals_cap = cap;
  }
  globals[nglobals++] = slot;
  pthread_mutex_unlock(&roots_lock);
}

void **wf_gc_shadow_push_slow_(void **slot) {
  wf_gc_shadow *s = &wf_gc_tls_head.shadow;
  size_t cap = s->cap ? 2 * s->cap : 256;
  s->slots = wf_mem_realloc(s->slots, s->cap * sizeof *s->slots, cap * sizeof *s->slots);
  s->cap = cap;
  s->slots[s->len++] = slot;
  return slot;
}

size_t wf_gc_shadow_depth(void) { return wf_gc_tls_head.shadow.len; }

/* The barrier's slow path (concurrent mark only): remember the overwritten
 * value; the final pause marks from it. */
void wf_gc_barrier_record_(void *old) {
  if (!old) return;
  wf_gc_thread *g = &wf_gc_tls;
  if (g->satb_len == g->satb_cap) {
    size_t cap = g->satb_cap ? 2 * g->satb_cap : 256;
    g->satb = wf_mem_realloc(g->satb, g->satb_cap * sizeof(void *), cap * sizeof(void *));
    g->satb_cap = cap;
  }
  g->satb[g->satb_len++] = old;
}

/* ---- Threads and start-up ---------------------------------------------------- */

static void on_attach(wf_thread_t *t) {
  wf_gc_tls.attached = true;
  wf_gc_tls.head = &wf_gc_tls_head;
  t->gc = &wf_gc_tls;
}

static void on_detach(wf_thread_t *t) {
  wf_heap_thread_release(&wf_gc_tls);
  wf_gc_shadow *s = &wf_gc_tls_head.shadow;
  wf_mem_free(s->slots, s->cap * sizeof *s->slots);
  memset(s, 0, sizeof *s);
  wf_mem_free(wf_gc_tls.satb, wf_gc_tls.satb_cap * sizeof(void *));
  wf_gc_tls.satb = NULL;
  wf_gc_tls.satb_len = wf_gc_tls.satb_cap = 0;
  t->gc = NULL;
}

bool wf_gc_stress_enabled(void) { return wf_gc_stress; }

/* WEFT_GC_STATS=1: one line of totals on stderr at exit (for tuning). */
static void print_stats_at_exit(void) {
  wf_gc_stats s;
  wf_gc_get_stats(&s);
  fprintf(stderr,
          "weft gc: %llu collections, pauses %.1f ms total (max %.2f ms), allocated %.1f MiB, "
          "live %.2f MiB in %llu objects, spans %.1f MiB, large %.2f MiB\n",
          (unsigned long long)s.collections, s.pause_total_ns / 1e6, s.pause_max_ns / 1e6,
          s.allocated_bytes / 1048576.0, s.live_bytes / 1048576.0, (unsigned long long)s.live_objects,
          s.heap_span_bytes / 1048576.0, s.large_bytes / 1048576.0);
}

void wf_gc_init(const wf_gc_config *config) {
  static bool done;
  if (done) return;
  done = true;
  wf_heap_init_();
  wf_gc_trace_offset = config->trace_offset;
  if (config->min_trigger_bytes) min_trigger = config->min_trigger_bytes;
  const char *mb = getenv("WEFT_GC_MIN_MB"); /* tuning knob: the minimum trigger in MiB */
  if (mb && strtoul(mb, NULL, 10) > 0) min_trigger = (size_t)strtoul(mb, NULL, 10) << 20;
  const char *gp = getenv("WEFT_GC_GROWTH"); /* tuning knob: percent of the live bytes */
  if (gp && strtoul(gp, NULL, 10) > 0) growth_percent = strtoul(gp, NULL, 10);
  atomic_store(&gc_trigger, min_trigger);
  const char *stress = getenv("WEFT_GC_STRESS");
  wf_gc_stress = stress && *stress && strcmp(stress, "0") != 0;
  if (wf_gc_stress && strtoul(stress, NULL, 10) > 1) stress_every = strtoul(stress, NULL, 10);
  const char *want_stats = getenv("WEFT_GC_STATS");
  if (want_stats && *want_stats && strcmp(want_stats, "0") != 0) atexit(print_stats_at_exit);
  wf_threads_add_hooks(on_attach, on_detach);
  wf_safepoint_add_service(gc_service);
  if (wf_gc_stress) wf_safepoint_set_sticky_service(true);
  /* Threads attached before the GC started (the main thread). */
  for (wf_thread_t *t = wf_threads_first(); t; t = wf_threads_next(t))
    if (t == wf_thread_self()) on_attach(t);
}

void wf_gc_get_stats(wf_gc_stats *out) {
  wf_mutex_lock_safepoint_aware(&collect_lock);
  *out = stats;
  pthread_mutex_unlock(&collect_lock);
  out->heap_span_bytes = wf_heap_span_bytes();
  wf_large_stats(&out->large_bytes, &out->large_objects, &out->large_freed_objects);
  out->allocated_bytes = atomic_load(&wf_heap_allocated_total);
  out->spans_released = wf_heap_spans_released();
}
