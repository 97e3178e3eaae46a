/* The small-object heap: size-class spans, per-thread allocation buffers and
 * allocation through the mark bitmap (sweeping without a sweep pass).
 *
 * Algorithm
 *   Memory comes from the OS in 64 MiB chunks (mmap, chunk-aligned), cut into
 *   64 KiB spans (small, because every size class in use keeps at least one
 *   span resident: 256 KiB spans cost small programs ~5 MiB of RSS). A span
 *   holds slots of one size class (32 classes, 16 B to 8 KiB) after a header
 *   with the span's mark bitmap (one bit per slot).
 *   A chunk map (one bit per 64 MiB of address space) tells heap pointers
 *   from everything else in one load.
 *
 *   Leaf spans: objects allocated with wf_gc_alloc_leaf (no references,
 *   static type: exact ints and floats) get spans of their own, so the
 *   marker can set their mark bit without reading them (a number-heavy live
 *   heap is mostly such objects; reading each was a cache miss). Each class
 *   has a leaf and a non-leaf variant: thread buffers and class lists are
 *   indexed by buffer = class + (leaf ? WF_GC_NCLASSES : 0).
 *
 *   Allocation: each thread owns at most one span per class and bump-
 *   allocates through a run [cursor, limit) of consecutive free slots in it,
 *   held in the thread's TLS: no atomic instruction, no lock, no free list.
 *   When the run is used up, the thread refills (lazy sweeping by the
 *   allocating thread):
 *     1. scan its span's mark bitmap onward for the next run of unmarked
 *        slots (unmarked = dead at the last collection, or never used);
 *     2. else take an AVAIL span of the class (one with unmarked slots);
 *     3. else a span from the free-span pool (recycled, warmest first), else
 *        a never-used span of the newest chunk (taken by bumping a cursor,
 *        so a fresh chunk is not touched until its spans are used), else a
 *        new chunk.
 *   The bytes of each run are added to a thread-local count, flushed to the
 *   global counter every 256 KiB; past the trigger a collection is requested
 *   (collect.c). Allocation never collects.
 *
 *   Collection (collect.c, world stopped): wf_heap_prepare_mark drops every
 *   thread's buffers and clears the mark bits of every span in use (kept in
 *   an array, so a collection never walks the free part of the heap); after
 *   marking, wf_heap_after_mark returns spans with no marked slot to the pool,
 *   leaves full ones aside and queues the rest as AVAIL. Under ASan, or with
 *   WEFT_GC_STRESS, it also poisons every unmarked slot at once, so a use of
 *   a dead object fails at the next access.
 *
 * Invariants
 *   - A slot is handed out at most once per collection cycle: within a cycle
 *     a span's scan position only moves forward and a span is owned by one
 *     thread at a time; a span that leaves a thread (FULL) returns to a list
 *     only at the next collection.
 *   - Every live object is marked when after_mark runs, so unmarked slots
 *     are exactly the free ones.
 *   - A span is on at most one list; it leaves a list only under its class
 *     lock (or the pool lock), after which its taker has it exclusively.
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
static _Atomic uint64_t spans_released;

typedef struct class_lists {
  pthread_mutex_t lock;
  wf_span *avail; /* under lock */
} __attribute__((aligned(64))) class_lists;
static class_lists lists[WF_GC_NBUFFERS]; /* indexed like the thread buffers */

/* Under pool_lock: */
static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static wf_span *pool;             /* recycled free spans, most recently freed first */
static size_t pool_committed;     /* spans in the pool whose pages are not released */
static char *fresh_next, *fresh_end; /* never-used spans of the newest chunk */
static char **chunks;
static size_t nchunks, chunks_cap;
static wf_span **in_use;          /* spans not FREE; s->use_index is the position */
static size_t nin_use, in_use_cap;
static _Atomic uint64_t spans_in_use;

void wf_heap_init_(void) {
  /* gc.h's inline path relies on 16-byte steps up to WF_GC_INLINE_MAX. */
  for (int c = 0; (c + 1) * 16 <= WF_GC_INLINE_MAX; c++)
    if (wf_class_size[c] != (c + 1) * 16) abort();
  for (int b = 0; b < WF_GC_NBUFFERS; b++) pthread_mutex_init(&lists[b].lock, NULL);
  int cls = 0;
  for (size_t g = 0; g <= WF_MAX_SMALL / WF_GRANULE; g++) {
    while (wf_class_size[cls] < g * WF_GRANULE) cls++;
    class_of_granules[g] = (uint8_t)cls;
  }
}

static inline unsigned class_of(size_t size) {
  return class_of_granules[(size + WF_GRANULE - 1) / WF_GRANULE];
}

/* Buffer b's slot size (gc.h: the first leaf buffer has 24-byte slots). */
static inline size_t buffer_slot_size(unsigned b) {
  return b == WF_NCLASSES ? WF_GC_LEAF_SMALL : wf_class_size[b % WF_NCLASSES];
}

/* The buffer for an allocation of `size` (<= WF_MAX_SMALL). */
static inline unsigned buffer_of(size_t size, bool leaf) {
  if (leaf && size <= WF_GC_LEAF_SMALL) return WF_NCLASSES;
  return class_of(size) + (leaf ? WF_NCLASSES : 0);
}

/* ---- Poisoning ------------------------------------------------------------ */

static inline void poison(void *p, size_t size) {
#if defined(WF_ASAN)
  ASAN_POISON_MEMORY_REGION(p, size);
#else
  if (wf_gc_stress) memset(p, 0xdb, size);
#endif
}

static inline void unpoison(void *p, size_t size) {
#if defined(WF_ASAN)
  ASAN_UNPOISON_MEMORY_REGION(p, size);
#else
  (void)p;
  (void)size;
#endif
}

#if defined(WF_ASAN)
#define POISON_DEAD_SLOTS 1
#else
#define POISON_DEAD_SLOTS wf_gc_stress
#endif

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
  fresh_next = base;
  fresh_end = base + WF_CHUNK_SIZE;
}

static void in_use_add_locked(wf_span *s) {
  if (nin_use == in_use_cap) {
    size_t cap = in_use_cap ? 2 * in_use_cap : 256;
    in_use = wf_mem_realloc(in_use, in_use_cap * sizeof *in_use, cap * sizeof *in_use);
    in_use_cap = cap;
  }
  s->use_index = (uint32_t)nin_use;
  in_use[nin_use++] = s;
}

static void in_use_remove_locked(wf_span *s) {
  wf_span *last = in_use[--nin_use];
  in_use[s->use_index] = last;
  last->use_index = s->use_index;
}

/* A free span for span_init (its header is rewritten there). */
static wf_span *span_from_pool(void) {
  pthread_mutex_lock(&pool_lock);
  wf_span *s = pool;
  if (s) {
    pool = s->next;
    if (!s->released) pool_committed--;
  } else {
    if (fresh_next == fresh_end) map_chunk_locked();
    s = (wf_span *)fresh_next;
    fresh_next += WF_SPAN_SIZE;
  }
  in_use_add_locked(s);
  pthread_mutex_unlock(&pool_lock);
  atomic_fetch_add_explicit(&spans_in_use, 1, memory_order_relaxed);
  return s;
}

/* Called with pool_lock held (world stopped). */
static void span_to_pool_locked(wf_span *s) {
  in_use_remove_locked(s);
  s->state = SPAN_FREE;
  s->released = 0;
  s->next = pool;
  pool = s;
  pool_committed++;
  atomic_fetch_sub_explicit(&spans_in_use, 1, memory_order_relaxed);
}

/* Give the pages of free spans beyond the first keep_bytes back to the OS
 * (the pool is LIFO, so the coldest go). The header page stays: a released
 * span still reads as FREE and remembers that it was released. */
void wf_heap_trim(size_t keep_bytes) {
  pthread_mutex_lock(&pool_lock);
  size_t kept = 0;
  /* Stops once no committed span is left beyond the kept ones. */
  for (wf_span *s = pool; s && pool_committed > kept / WF_SPAN_SIZE; s = s->next) {
    if (s->released) continue;
    if (kept < keep_bytes) {
      kept += WF_SPAN_SIZE;
      continue;
    }
    madvise((char *)s + 4096, WF_SPAN_SIZE - 4096, MADV_DONTNEED);
    s->released = 1;
    pool_committed--;
  }
  pthread_mutex_unlock(&pool_lock);
}

static inline bool marked(const wf_span *s, uint32_t i) { return (s->mark[i >> 6] >> (i & 63)) & 1; }

static void span_init(wf_span *s, unsigned b) {
  unsigned cls = b % WF_NCLASSES;
  bool leaf = b >= WF_NCLASSES;
  size_t size = buffer_slot_size(b);
  uint32_t use_index = s->use_index;
  memset(s, 0, sizeof *s);
  s->use_index = use_index;
  s->cls = cls;
  s->leaf = leaf;
  s->obj_size = (uint32_t)size;
  s->inv_size = (uint32_t)(((1ull << 32) + size - 1) / size);
  s->first = (char *)(((uintptr_t)s + sizeof *s + WF_GRANULE - 1) & ~(uintptr_t)(WF_GRANULE - 1));
  s->nobjs = (uint32_t)(((char *)s + WF_SPAN_SIZE - s->first) / size);
  if (POISON_DEAD_SLOTS) poison(s->first, (size_t)s->nobjs * size);
}

/* The next run of unmarked slots at or after *scan: [*from, *to). */
static bool next_free_run(const wf_span *s, uint32_t *scan, uint32_t *from, uint32_t *to) {
  uint32_t i = *scan, n = s->nobjs;
  while (i < n) { /* skip marked slots, a word at a time */
    uint64_t free_bits = ~s->mark[i >> 6] >> (i & 63);
    if (free_bits) {
      i += (uint32_t)__builtin_ctzll(free_bits);
      break;
    }
    i = (i | 63) + 1;
  }
  if (i >= n) {
    *scan = n;
    return false;
  }
  uint32_t j = i;
  while (j < n) { /* extend over unmarked slots */
    uint64_t marked_bits = s->mark[j >> 6] >> (j & 63);
    if (marked_bits) {
      j += (uint32_t)__builtin_ctzll(marked_bits);
      break;
    }
    j = (j | 63) + 1;
  }
  if (j > n) j = n;
  *from = i;
  *to = j;
  *scan = j;
  return true;
}

/* ---- Allocation ------------------------------------------------------------ */

#define REPORT_BYTES (256u << 10)

void *wf_heap_refill(wf_gc_thread *g, unsigned b) {
  size_t size = buffer_slot_size(b);
  for (;;) {
    wf_span *s = g->span[b];
    uint32_t from, to;
    if (s && next_free_run(s, &g->scan[b], &from, &to)) {
      char *p = s->first + (size_t)from * size;
      g->head->cursor[b] = p + size;
      g->head->limit[b] = s->first + (size_t)to * size;
      g->unreported_bytes += (uint64_t)(to - from) * size;
      if (g->unreported_bytes >= REPORT_BYTES) {
        wf_gc_note_allocation(g->unreported_bytes);
        g->unreported_bytes = 0;
      }
      return p;
    }
    if (s) s->state = SPAN_FULL;
    class_lists *l = &lists[b];
    pthread_mutex_lock(&l->lock);
    s = l->avail;
    if (s) l->avail = s->next;
    pthread_mutex_unlock(&l->lock);
    if (!s) {
      s = span_from_pool();
      span_init(s, b);
    }
    s->state = SPAN_OWNED;
    g->span[b] = s;
    g->scan[b] = 0;
  }
}

static void *alloc_slow(size_t size, unsigned first_buffer) {
  WF_DEBUG_CHECK(atomic_load_explicit(&wf_thread_self()->state, memory_order_relaxed) == WF_THREAD_RUNNING,
                 "wf_gc_alloc outside the RUNNING state");
  if (__builtin_expect(size > WF_MAX_SMALL, 0)) return wf_large_alloc(size);
  if (size < sizeof(wf_gc_header)) size = sizeof(wf_gc_header);
  unsigned b = buffer_of(size, first_buffer != 0);
  wf_gc_thread *g = &wf_gc_tls;
  char *p = g->head->cursor[b];
  if (__builtin_expect(p < g->head->limit[b], 1)) g->head->cursor[b] = p + buffer_slot_size(b);
  else p = wf_heap_refill(g, b);
  unpoison(p, size); /* the slack of the slot stays poisoned under ASan */
  memset(p, 0, size);
  return p;
}

void *wf_gc_alloc_slow(size_t size) { return alloc_slow(size, 0); }
/* Large leaf objects are scanned like any other (rare: ints above 8 KiB). */
void *wf_gc_alloc_leaf_slow(size_t size) { return alloc_slow(size, WF_NCLASSES); }

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

/* A detaching thread (or a collection) takes the buffers away: the spans
 * stay OWNED until the collection re-files them. */
void wf_heap_thread_release(wf_gc_thread *g) {
  for (int b = 0; b < WF_GC_NBUFFERS; b++) {
    g->head->cursor[b] = g->head->limit[b] = NULL;
    g->span[b] = NULL;
    g->scan[b] = 0;
  }
  if (g->unreported_bytes) {
    atomic_fetch_add_explicit(&wf_heap_allocated_total, g->unreported_bytes, memory_order_relaxed);
    g->unreported_bytes = 0;
  }
}

/* ---- Collection support (world stopped) ----------------------------------- */

void wf_heap_prepare_mark(void) {
  for (wf_thread_t *t = wf_threads_first(); t; t = wf_threads_next(t))
    if (t->gc) wf_heap_thread_release(t->gc);
  for (size_t i = 0; i < nin_use; i++) {
    wf_span *s = in_use[i];
    memset(s->mark, 0, ((s->nobjs + 63) / 64) * sizeof(uint64_t));
  }
}

static uint32_t count_marks(const wf_span *s) {
  uint32_t n = 0;
  for (uint32_t w = 0; w < (s->nobjs + 63) / 64; w++) n += (uint32_t)__builtin_popcountll(s->mark[w]);
  return n;
}

static void poison_unmarked(wf_span *s) {
  for (uint32_t i = 0; i < s->nobjs; i++)
    if (!marked(s, i)) poison(s->first + (size_t)i * s->obj_size, s->obj_size);
}

void wf_heap_after_mark(void) {
  for (int b = 0; b < WF_GC_NBUFFERS; b++) lists[b].avail = NULL;
  pthread_mutex_lock(&pool_lock);
  for (size_t i = nin_use; i-- > 0;) { /* backwards: span_to_pool_locked moves the last one here */
    wf_span *s = in_use[i];
    s->live = count_marks(s);
    if (POISON_DEAD_SLOTS) poison_unmarked(s);
    if (s->live == 0) {
      span_to_pool_locked(s);
      atomic_fetch_add_explicit(&spans_released, 1, memory_order_relaxed);
    } else if (s->live == s->nobjs) {
      s->state = SPAN_FULL;
    } else {
      class_lists *l = &lists[s->cls + (s->leaf ? WF_NCLASSES : 0)];
      s->state = SPAN_AVAIL;
      s->next = l->avail;
      l->avail = s;
    }
  }
  pthread_mutex_unlock(&pool_lock);
}

uint64_t wf_heap_spans_released(void) { return atomic_load_explicit(&spans_released, memory_order_relaxed); }

uint64_t wf_heap_span_bytes(void) {
  return atomic_load_explicit(&spans_in_use, memory_order_relaxed) * WF_SPAN_SIZE;
}

int wf_gc_size_class_count(void) { return WF_NCLASSES; }
size_t wf_gc_size_class_size(int cls) { return wf_class_size[cls]; }
size_t wf_gc_large_threshold(void) { return WF_MAX_SMALL; }
