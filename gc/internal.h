/* Private to gc/: spans, per-thread allocation state, the mark stack. */
#ifndef WF_GC_INTERNAL_H
#define WF_GC_INTERNAL_H

#include <pthread.h>

#include "gc.h"
#include "thread.h"

#define WF_SPAN_SHIFT 16
#define WF_SPAN_SIZE ((size_t)1 << WF_SPAN_SHIFT) /* 64 KiB, aligned */
#define WF_CHUNK_SHIFT 26
#define WF_CHUNK_SIZE ((size_t)1 << WF_CHUNK_SHIFT) /* 64 MiB of spans */
#define WF_SPANS_PER_CHUNK (WF_CHUNK_SIZE / WF_SPAN_SIZE)
#define WF_GRANULE 16
#define WF_MAX_SMALL 8192
#define WF_NCLASSES WF_GC_NCLASSES
#define WF_MARK_WORDS (WF_SPAN_SIZE / WF_GRANULE / 64)

enum span_state {
  SPAN_FREE = 0, /* in the free-span pool (or never used) */
  SPAN_OWNED,    /* a thread allocates from it */
  SPAN_FULL,     /* no free slot left this cycle; owned by nobody */
  SPAN_AVAIL,    /* has unmarked slots; on its class's list */
};

/* A span: one size class, header at the start. The header is written by the
 * thread that owns or sweeps the span (exclusive by list protocol: a span is
 * taken off a list under the class lock before anyone touches it), and by the
 * collector while the world is stopped. */
typedef struct wf_span {
  uint32_t state;
  uint32_t cls;
  uint32_t obj_size;
  uint32_t nobjs;
  uint32_t inv_size; /* ceil(2^32 / obj_size): index = off * inv >> 32 */
  uint32_t live;     /* slots marked at the last collection */
  uint32_t released; /* FREE and its pages returned to the OS */
  uint32_t use_index; /* position in heap.c's array of in-use spans */
  uint32_t leaf;      /* holds leaf objects only (wf_gc_alloc_leaf): marked, never scanned */
  char *first;
  struct wf_span *next; /* link on a class list or the free pool */
  uint64_t mark[WF_MARK_WORDS];
} wf_span;

static inline wf_span *wf_span_of(const void *p) {
  return (wf_span *)((uintptr_t)p & ~(WF_SPAN_SIZE - 1));
}
static inline uint32_t wf_span_index(const wf_span *s, const void *p) {
  return (uint32_t)(((uint64_t)((const char *)p - s->first) * s->inv_size) >> 32);
}

/* The chunk map: one bit per 64 MiB of address space (47-bit user space). */
extern uint64_t wf_chunk_map[(1ull << (47 - WF_CHUNK_SHIFT)) / 64];
static inline bool wf_in_small_heap(const void *p) {
  uint64_t c = (uintptr_t)p >> WF_CHUNK_SHIFT;
  if (c >= (1ull << (47 - WF_CHUNK_SHIFT))) return false;
  return (wf_chunk_map[c >> 6] >> (c & 63)) & 1;
}

/* Per-thread allocation state (static TLS; t->gc points here). Written only
 * by its thread, and by the collector while the world is stopped. */
typedef struct wf_gc_thread {
  /* Per class: the span that head->cursor/limit (gc.h) bump through, whose
   * bitmap is scanned from slot `scan` on at the next refill. */
  wf_span *span[WF_GC_NBUFFERS];
  uint32_t scan[WF_GC_NBUFFERS];
  uint64_t unreported_bytes;   /* taken but not yet added to the global counter */
  wf_gc_thread_head *head;     /* the shadow stack (gc.h) */
  void **satb;                 /* barrier buffer (concurrent mark) */
  size_t satb_len, satb_cap;
  bool attached;
} wf_gc_thread;

extern __thread wf_gc_thread wf_gc_tls __attribute__((tls_model("initial-exec")));

/* heap.c */
extern const uint16_t wf_class_size[WF_NCLASSES];
void wf_heap_init_(void);
void *wf_heap_refill(wf_gc_thread *g, unsigned buffer); /* buffer: see WF_GC_NBUFFERS */
void wf_heap_thread_release(wf_gc_thread *g);
void wf_heap_prepare_mark(void);          /* STW: clear marks, drop TLABs */
void wf_heap_after_mark(void);           /* STW: rebuild class lists */
uint64_t wf_heap_span_bytes(void);
uint64_t wf_heap_spans_released(void);
void wf_heap_trim(size_t keep_bytes);      /* return cold free spans to the OS */
extern _Atomic uint64_t wf_heap_allocated_since_gc;
extern _Atomic uint64_t wf_heap_allocated_total;

/* large.c */
void *wf_large_alloc(size_t size);
bool wf_large_contains(const void *p);
int wf_large_mark(void *p);               /* STW: -1 not large, 0 already marked, 1 marked now */
void wf_large_clear_marks(void);           /* STW */
void wf_large_sweep(void);                 /* STW: free the unmarked */
size_t wf_large_usable_size(const void *p);
void wf_large_stats(uint64_t *bytes, uint64_t *objects, uint64_t *freed);

/* collect.c */
void wf_gc_note_allocation(size_t bytes);  /* may request a collection */
extern bool wf_gc_stress;
extern size_t wf_gc_trace_offset;

/* mem.c: non-GC runtime memory (jemalloc; libc malloc in sanitizer builds) */
#include "mem.h"

#endif
