/* The small-object heap: size-class spans, per-thread allocation buffers and
 * lazy sweeping.
 *
 * Algorithm
 *   Memory comes from the OS in 64 MiB chunks (mmap, span-aligned), cut into
 *   256 KiB spans. A span holds slots of one size class (32 classes, 16 B to
 *   8 KiB) after a header with the span's mark bitmap (one bit per slot).
 *   A chunk map (one bit per 64 MiB of address space) tells heap pointers
 *   from everything else in one load.
 *
 *   Allocation: each thread owns at most one span per class and pops slots
 *   from that span's free list, which lives in the thread's TLS (no atomic
 *   instruction, no lock). When the list is empty, the thread refills:
 *     1. a PARTIAL span (swept by the collector in stress mode),
 *     2. else an UNSWEPT span, which it sweeps itself: every unmarked slot
 *        goes on a new free list (lazy sweeping by the allocating thread),
 *     3. else a fresh span from the free-span pool or a new chunk.
 *   Each refill adds the bytes of the slots it took to a global counter; past
 *   the trigger it requests a collection (collect.c). It never collects.
 *
 *   Collection (collect.c, world stopped): wf_heap_prepare_mark drops every
 *   thread's buffers and clears the mark bits of every span in use; after
 *   marking, wf_heap_after_mark returns spans with no marked slot to the pool
 *   and queues the others as UNSWEPT on their class list (or sweeps them at
 *   once under WEFT_GC_STRESS, so dead objects are poisoned immediately).
 *
 * Invariants
 *   - A slot is free iff it is on some free list; a free slot is unmarked.
 *   - A span is on at most one list; it leaves a list only under its class
 *     lock (or the pool lock), after which its taker has it exclusively.
 *   - The mark bits of a span describe the last collection until the next
 *     one clears them; a span is swept at most once per collection, so
 *     objects allocated after a collection are never swept as dead.
 *   - Free slots are poisoned (ASan) or filled with 0xdb (stress mode) past
 *     the free-list link.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "internal.h"

#if defined(WF_ASAN)
#include <sanitizer/asan_interface.h>
#endif

/* 16..128 by 16, then four classes per power of two up to 8 KiB. */
const uint16_t wf_class_size[WF_NCLASSES] = {
    16,   32,   48,   64,   80,   96,   112,  128,  160,  192,  224,
    256,  320,  384,  448,  512,  640,  768,  896,  1024, 1280, 1536,
    1792, 2048, 2560, 3072, 3584, 4096, 5120, 6144, 7168, 8192};

/* Filled once at start-up from wf_class_size; read-only afterwards. */
static uint8_t class_of_granules[WF_MAX_SMALL / WF_GRANULE + 1];

uint64_t wf_chunk_map[(1ull << (47 - WF_CHUNK_SHIFT)) / 64];

__thread wf_gc_thread wf_gc_tls __attribute__((tls_model("initial-exec")));

_Atomic uint64_t wf_heap_allocated_since_gc;
_Atomic uint64_t wf_heap_allocated_total;
_Atomic uint64_t wf_heap_swept_free;

typedef struct class_lists {
  pthread_mutex_t lock;
  wf_span *unswept; /* under lock */
  wf_span *partial; /* under lock */
} __attribute__((aligned(64))) class_lists;
static class_lists lists[WF_NCLASSES];

static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static wf_span *pool;             /* free spans; under pool_lock */
static size_t pool_len;           /* under pool_lock */
static char **chunks;             /* under pool_lock */
static size_t nchunks, chunks_cap;/* under pool_lock */
static _Atomic uint64_t spans_in_use;

/* Free spans kept committed; beyond this the pages go back to the OS. */
#define POOL_KEEP_COMMITTED 64

void wf_heap_init_(void) {
  for (int c = 0; c < WF_NCLASSES; c++) pthread_mutex_init(&lists[c].lock, NULL);
  int cls = 0;
  for (size_t g = 0; g <= WF_MAX_SMALL / WF_GRANULE; g++) {
    while (wf_class_size[cls] < g * WF_GRANULE) cls++;
    class_of_granules[g] = (uint8_t)cls;
  }
}

static inline unsigned class_of(size_t size) {
  return class_of_granules[(size + WF_GRANULE - 1) / WF_GRANULE];
}

/* ---- Poisoning ----------------------------------------------------------- */

void wf_heap_poison_slot(void *p, size_t size) {
#if defined(WF_ASAN)
  ASAN_POISON_MEMORY_REGION(p, size);
#else
  if (wf_gc_stress) memset((char *)p + sizeof(void *), 0xdb, size - sizeof(void *));
#endif
}

void wf_heap_unpoison_slot(void *p, size_t size) {
#if defined(WF_ASAN)
  ASAN_UNPOISON_MEMORY_REGION(p, size);
#else
  (void)p;
  (void)size;
#endif
}

/* ---- Chunks and spans ---------------------------------------------------- */

static void map_chunk_locked(void) {
  /* Chunk-aligned, so that a chunk is exactly one cell of the chunk map. */
  size_t len = 2 * WF_CHUNK_SIZE;
  char *raw = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (raw == MAP_FAILED) {
    fprintf(stderr, "weft: out of memory (mmap of a heap chunk failed)\n");
    abort();
  }
  char *base = (char *)(((uintptr_t)raw + WF_CHUNK_SIZE - 1) & ~(WF_CHUNK_SIZE - 1));
  if (base > raw) munmap(raw, (size_t)(base - raw));
  char *end = base + WF_CHUNK_SIZE;
  if (raw + len > end) munmap(end, (size_t)(raw + len - end));
  uint64_t c = (uintptr_t)base >> WF_CHUNK_SHIFT;
  wf_chunk_map[c >> 6] |= 1ull << (c & 63);
  if (nchunks == chunks_cap) {
    size_t cap = chunks_cap ? chunks_cap * 2 : 16;
    chunks = wf_mem_realloc(chunks, chunks_cap * sizeof *chunks, cap * sizeof *chunks);
    chunks_cap = cap;
  }
  chunks[nchunks++] = base;
  for (size_t i = WF_SPANS_PER_CHUNK; i-- > 0;) {
    wf_span *s = (wf_span *)(base + i * WF_SPAN_SIZE);
    s->next = pool;
    pool = s;
    pool_len++;
  }
}

static wf_span *span_from_pool(void) {
  pthread_mutex_lock(&pool_lock);
  if (!pool) map_chunk_locked();
  wf_span *s = pool;
  pool = s->next;
  pool_len--;
  pthread_mutex_unlock(&pool_lock);
  atomic_fetch_add_explicit(&spans_in_use, 1, memory_order_relaxed);
  return s;
}

/* Called with pool_lock held. */
static void span_to_pool_locked(wf_span *s) {
  s->state = SPAN_FREE;
  if (pool_len >= POOL_KEEP_COMMITTED) {
    /* Keep the header page (state reads FREE either way), return the rest. */
    madvise((char *)s + 4096, WF_SPAN_SIZE - 4096, MADV_DONTNEED);
  }
  s->next = pool;
  pool = s;
  pool_len++;
  atomic_fetch_sub_explicit(&spans_in_use, 1, memory_order_relaxed);
}

static void span_init(wf_span *s, unsigned cls) {
  size_t size = wf_class_size[cls];
  memset(s, 0, sizeof *s);
  s->cls = cls;
  s->obj_size = (uint32_t)size;
  s->inv_size = (uint32_t)(((1ull << 32) + size - 1) / size);
  s->first = (char *)(((uintptr_t)s + sizeof *s + WF_GRANULE - 1) & ~(uintptr_t)(WF_GRANULE - 1));
  s->nobjs = (uint32_t)(((char *)s + WF_SPAN_SIZE - s->first) / size);
}

static inline bool marked(const wf_span *s, uint32_t i) { return (s->mark[i >> 6] >> (i & 63)) & 1; }

/* Build the free list of every unmarked slot, in address order. */
static uint32_t sweep_span(wf_span *s, void **out) {
  void *head = NULL;
  uint32_t n = 0;
  size_t size = s->obj_size;
  for (uint32_t i = s->nobjs; i-- > 0;) {
    if (marked(s, i)) continue;
    char *slot = s->first + (size_t)i * size;
    wf_heap_unpoison_slot(slot, size);
    *(void **)slot = head;
    wf_heap_poison_slot(slot, size);
    head = slot;
    n++;
  }
  *out = head;
  atomic_fetch_add_explicit(&wf_heap_swept_free, n, memory_order_relaxed);
  return n;
}

/* ---- Allocation ------------------------------------------------------------ */

static inline void *pop_slot(wf_gc_thread *g, unsigned cls, void *p) {
  wf_heap_unpoison_slot(p, wf_class_size[cls]);
  g->free[cls] = *(void **)p;
  return p;
}

void *wf_heap_refill(wf_gc_thread *g, unsigned cls) {
  if (g->span[cls]) {
    g->span[cls]->state = SPAN_FULL;
    g->span[cls] = NULL;
  }
  class_lists *l = &lists[cls];
  wf_span *s;
  void *list = NULL;
  uint32_t n;
  for (;;) {
    pthread_mutex_lock(&l->lock);
    if ((s = l->partial)) {
      l->partial = s->next;
      pthread_mutex_unlock(&l->lock);
      list = s->free;
      n = s->nfree;
      s->free = NULL;
      break;
    }
    if ((s = l->unswept)) {
      l->unswept = s->next;
      pthread_mutex_unlock(&l->lock);
      n = sweep_span(s, &list);
      if (n == 0) {
        s->state = SPAN_FULL;
        continue;
      }
      break;
    }
    pthread_mutex_unlock(&l->lock);
    s = span_from_pool();
    span_init(s, cls);
    n = sweep_span(s, &list); /* nothing is marked: every slot */
    break;
  }
  s->state = SPAN_OWNED;
  g->span[cls] = s;
  wf_gc_note_allocation((size_t)n * wf_class_size[cls]);
  return pop_slot(g, cls, list);
}

void *wf_gc_alloc(size_t size) {
  if (__builtin_expect(size > WF_MAX_SMALL, 0)) return wf_large_alloc(size);
  if (size < sizeof(wf_gc_header)) size = sizeof(wf_gc_header);
  unsigned cls = class_of(size);
  wf_gc_thread *g = &wf_gc_tls;
  void *p = g->free[cls];
  p = __builtin_expect(p != NULL, 1) ? pop_slot(g, cls, p) : wf_heap_refill(g, cls);
  memset(p, 0, size);
#if defined(WF_ASAN)
  /* Catch overruns into the slack of the slot. */
  if (wf_class_size[cls] > size) ASAN_POISON_MEMORY_REGION((char *)p + size, wf_class_size[cls] - size);
#endif
  return p;
}

size_t wf_gc_usable_size(const void *obj) {
  if (wf_in_small_heap(obj)) return wf_span_of(obj)->obj_size;
  return wf_large_usable_size(obj);
}

bool wf_gc_is_heap_object(const void *p) {
  if (wf_in_small_heap(p)) {
    const wf_span *s = wf_span_of(p);
    if (s->state == SPAN_FREE || (const char *)p < s->first) return false;
    size_t off = (size_t)((const char *)p - s->first);
    return off % s->obj_size == 0 && off / s->obj_size < s->nobjs;
  }
  return wf_large_contains(p);
}

/* A detaching thread gives its buffers back: the spans stay OWNED until the
 * next collection queues them for sweeping again (their free slots are
 * unmarked, so they are found then). */
void wf_heap_thread_release(wf_gc_thread *g) {
  for (int c = 0; c < WF_NCLASSES; c++) {
    g->free[c] = NULL;
    g->span[c] = NULL;
  }
}

/* ---- Collection support (world stopped) ----------------------------------- */

#define FOR_EACH_SPAN(s)                                              \
  for (size_t ci_ = 0; ci_ < nchunks; ci_++)                          \
    for (size_t si_ = 0; si_ < WF_SPANS_PER_CHUNK; si_++)             \
      for (wf_span *s = (wf_span *)(chunks[ci_] + si_ * WF_SPAN_SIZE); s; s = NULL)

void wf_heap_prepare_mark(void) {
  for (wf_thread_t *t = wf_threads_first(); t; t = wf_threads_next(t))
    if (t->gc) wf_heap_thread_release(t->gc);
  FOR_EACH_SPAN(s) {
    if (s->state == SPAN_FREE) continue;
    memset(s->mark, 0, ((s->nobjs + 63) / 64) * sizeof(uint64_t));
  }
}

static uint32_t count_marks(const wf_span *s) {
  uint32_t n = 0;
  for (uint32_t w = 0; w < (s->nobjs + 63) / 64; w++) n += (uint32_t)__builtin_popcountll(s->mark[w]);
  return n;
}

void wf_heap_after_mark(bool eager_sweep) {
  for (int c = 0; c < WF_NCLASSES; c++) {
    lists[c].unswept = NULL;
    lists[c].partial = NULL;
  }
  pthread_mutex_lock(&pool_lock);
  FOR_EACH_SPAN(s) {
    if (s->state == SPAN_FREE) continue;
    s->live = count_marks(s);
    if (s->live == 0) {
      if (eager_sweep) {
        void *unused;
        sweep_span(s, &unused); /* poison the dead */
      }
      span_to_pool_locked(s);
      continue;
    }
    class_lists *l = &lists[s->cls];
    if (eager_sweep) {
      s->nfree = sweep_span(s, &s->free);
      if (s->nfree == 0) {
        s->state = SPAN_FULL;
        continue;
      }
      s->state = SPAN_PARTIAL;
      s->next = l->partial;
      l->partial = s;
    } else {
      s->free = NULL;
      s->state = SPAN_UNSWEPT;
      s->next = l->unswept;
      l->unswept = s;
    }
  }
  pthread_mutex_unlock(&pool_lock);
}

uint64_t wf_heap_span_bytes(void) {
  return atomic_load_explicit(&spans_in_use, memory_order_relaxed) * WF_SPAN_SIZE;
}

int wf_gc_size_class_count(void) { return WF_NCLASSES; }
size_t wf_gc_size_class_size(int cls) { return wf_class_size[cls]; }
size_t wf_gc_large_threshold(void) { return WF_MAX_SMALL; }
