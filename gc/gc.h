/* The garbage-collected heap: the public header of gc/.
 *
 * gc/ sees an object as a header (wf_gc_header: CPython's ob_refcnt and
 * ob_type) plus its type's trace function, found at a fixed offset inside
 * the type object (configured once by the runtime). It never includes a vm/
 * header. See heap.c (spans, allocation, sweeping), large.c (large objects)
 * and collect.c (marking, roots, the collection driver) for the algorithms.
 *
 * Rules for callers
 *   - Allocate only from an attached thread in the RUNNING state.
 *   - Memory comes back zeroed. Set the object's type before the next
 *     safepoint; until then the object is traced as a leaf.
 *   - Allocation never collects. A collection happens only at a safepoint
 *     (WF_SAFEPOINT_POLL, a blocking call, wf_gc_collect). A C local holding
 *     an object must be rooted (WF_GC_ROOT) only if, while it is live, the
 *     function reaches a safepoint.
 *   - Every store of a pointer into a heap object goes through WF_GC_STORE.
 */
#ifndef WF_GC_GC_H
#define WF_GC_GC_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* CPython 3.11's object header, as gc/ sees it. */
typedef struct wf_gc_header {
  intptr_t refcnt; /* references held by C extensions: a root while > 0 */
  void *type;      /* the type object; traced like any other reference */
} wf_gc_header;

typedef struct wf_gc_tracer wf_gc_tracer;
typedef void (*wf_gc_trace_fn)(void *obj, wf_gc_tracer *tracer);

/* Report one reference (may be NULL or a non-heap object such as a static
 * type or an immortal constant; both are ignored). */
void wf_gc_visit(wf_gc_tracer *tracer, void *ref);

typedef struct wf_gc_config {
  /* Offset of the wf_gc_trace_fn field inside every type object. A NULL
   * field means "no references besides the type". */
  size_t trace_offset;
  /* Collect when this many bytes were allocated since the last collection,
   * at least; the trigger grows with the live heap (see collect.c). 0: default. */
  size_t min_trigger_bytes;
} wf_gc_config;

/* Start-up, after wf_threads_init. Reads WEFT_GC_STRESS (1: collect at every
 * safepoint poll; N > 1: at every N-th; poison dead slots either way). */
void wf_gc_init(const wf_gc_config *config);

/* ---- Allocation ------------------------------------------------------------ */

/* Out of line: any size; refills the thread's buffer when it runs dry. */
void *wf_gc_alloc_slow(size_t size);
static inline void *wf_gc_alloc(size_t size);
/* An object that will never hold a reference to another heap object, and
 * whose type is not a heap object (exact ints and floats): it lives in leaf
 * spans, and the marker sets its mark bit without reading it. */
void *wf_gc_alloc_leaf_slow(size_t size);
static inline void *wf_gc_alloc_leaf(size_t size);

/* Size of the allocation's slot (>= the requested size). */
size_t wf_gc_usable_size(const void *obj);
/* Does ptr point at the start of a live-or-dead heap slot? (For checks.) */
bool wf_gc_is_heap_object(const void *ptr);

/* ---- Roots ------------------------------------------------------------------ */

/* A root scanner reports roots with wf_gc_visit. Runs while the world is
 * stopped. Register at start-up or at any time from a RUNNING thread. */
typedef void (*wf_gc_root_scanner_fn)(wf_gc_tracer *tracer, void *arg);
void wf_gc_add_root_scanner(wf_gc_root_scanner_fn fn, void *arg);
void wf_gc_remove_root_scanner(wf_gc_root_scanner_fn fn, void *arg);

/* A global variable that holds an object pointer. */
void wf_gc_add_global_root(void **slot);

/* The shadow stack: C locals of the current thread that hold objects. */
typedef struct wf_gc_shadow {
  void ***slots; /* addresses of rooted locals */
  size_t len, cap;
} wf_gc_shadow;

void **wf_gc_shadow_push_slow_(void **slot);

/* The classes up to 128 bytes are 16 bytes apart (heap.c): the inline
 * allocation path computes their class without a table. */
#define WF_GC_NCLASSES 32
#define WF_GC_INLINE_MAX 128
/* Buffer b < WF_GC_NCLASSES: class b; b >= WF_GC_NCLASSES: leaf objects of
 * class b - WF_GC_NCLASSES, except that the first leaf buffer has 24-byte
 * slots (a float is 24 bytes; leaf objects need only 8-byte alignment). */
#define WF_GC_NBUFFERS (2 * WF_GC_NCLASSES)
#define WF_GC_LEAF_SMALL 24

typedef struct wf_gc_thread_head {
  /* The allocation buffers: a run [cursor, limit) of free slots each
   * (heap.c refills them; the collector empties them). */
  char *cursor[WF_GC_NBUFFERS];
  char *limit[WF_GC_NBUFFERS];
  wf_gc_shadow shadow;
} wf_gc_thread_head;
extern __thread wf_gc_thread_head wf_gc_tls_head __attribute__((tls_model("initial-exec")));

/* The allocation fast path, inlined into callers: a bump of the thread's
 * buffer for small sizes (a constant size makes the zeroing a few stores).
 * Sanitizer builds always take the out-of-line path (it unpoisons). */
static inline void *wf_gc_alloc_in_(size_t size, unsigned first_buffer) {
#if !defined(WF_ASAN)
  if (size <= WF_GC_INLINE_MAX) {
    bool leaf24 = first_buffer && size <= WF_GC_LEAF_SMALL;
    unsigned b = first_buffer + (size <= 16 || leaf24 ? 0 : (unsigned)((size + 15) >> 4) - 1);
    char *p = wf_gc_tls_head.cursor[b];
    if (__builtin_expect(p < wf_gc_tls_head.limit[b], 1)) {
      wf_gc_tls_head.cursor[b] = p + (leaf24 ? WF_GC_LEAF_SMALL : ((size_t)(b - first_buffer) + 1) * 16);
      __builtin_memset(p, 0, size < 16 ? 16 : size);
      return p;
    }
  }
#endif
  return first_buffer ? wf_gc_alloc_leaf_slow(size) : wf_gc_alloc_slow(size);
}

static inline void *wf_gc_alloc(size_t size) { return wf_gc_alloc_in_(size, 0); }
static inline void *wf_gc_alloc_leaf(size_t size) { return wf_gc_alloc_in_(size, WF_GC_NCLASSES); }

static inline void **wf_gc_shadow_push_(void **slot) {
  wf_gc_shadow *s = &wf_gc_tls_head.shadow;
  if (__builtin_expect(s->len == s->cap, 0)) return wf_gc_shadow_push_slow_(slot);
  s->slots[s->len++] = slot;
  return slot;
}

static inline void wf_gc_shadow_pop_(void ***entry) {
  (void)entry;
  wf_gc_tls_head.shadow.len--;
}

#define WF_GC_CAT2_(a, b) a##b
#define WF_GC_CAT_(a, b) WF_GC_CAT2_(a, b)
/* Root a local object pointer for the rest of the enclosing scope; every
 * return pops it. `var` must be a pointer variable; it may be reassigned. */
#define WF_GC_ROOT(var)                                                        \
  void **WF_GC_CAT_(wf_gc_root_, __LINE__) __attribute__((cleanup(wf_gc_shadow_pop_), unused)) = \
      wf_gc_shadow_push_((void **)&(var))

size_t wf_gc_shadow_depth(void);

/* ---- The write barrier ------------------------------------------------------- */

/* Non-zero while a concurrent mark is in progress (snapshot-at-the-beginning:
 * the value being overwritten is recorded). Marking is stop-the-world today,
 * so mutators never see it set; every store goes through the barrier anyway so
 * that the concurrent marker can rely on it. */
extern _Atomic int wf_gc_barrier_active;
void wf_gc_barrier_record_(void *old);

#define WF_GC_STORE(slot, value)                                                  \
  do {                                                                            \
    __typeof__(slot) wf_gc_slot_ = (slot);                                        \
    if (__builtin_expect(atomic_load_explicit(&wf_gc_barrier_active, memory_order_relaxed), 0)) \
      wf_gc_barrier_record_((void *)__atomic_load_n(wf_gc_slot_, __ATOMIC_RELAXED));        \
    __atomic_store_n(wf_gc_slot_, (value), __ATOMIC_RELEASE);                     \
  } while (0)

/* The matching load for fields that other threads may store to. */
#define WF_GC_LOAD(slot) __atomic_load_n((slot), __ATOMIC_ACQUIRE)

/* ---- Collection ---------------------------------------------------------------- */

/* Collect now (a safepoint). If another thread is collecting, waits for it
 * and then collects again (a full collection after the call is guaranteed). */
void wf_gc_collect(void);

/* True if the heap runs with WEFT_GC_STRESS. */
bool wf_gc_stress_enabled(void);

typedef struct wf_gc_stats {
  uint64_t collections;
  uint64_t pause_total_ns, pause_max_ns, pause_last_ns;
  uint64_t mark_last_ns;        /* marking part of the last pause */
  uint64_t live_bytes, live_objects;     /* after the last collection */
  uint64_t heap_span_bytes;     /* committed in small-object spans */
  uint64_t large_bytes, large_objects;   /* current */
  uint64_t allocated_bytes;     /* total handed out (slots taken, whole run) */
  uint64_t spans_released;      /* spans found empty and returned to the pool */
  uint64_t large_freed_objects;
} wf_gc_stats;

void wf_gc_get_stats(wf_gc_stats *out);

/* Number of size classes and each class's slot size (for tests). */
int wf_gc_size_class_count(void);
size_t wf_gc_size_class_size(int cls);
size_t wf_gc_large_threshold(void);

#endif
