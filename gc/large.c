/* The large-object space: objects above WF_MAX_SMALL bytes, one jemalloc
 * allocation each.
 *
 * Algorithm
 *   Each object is preceded by a 32-byte header (list links, size, mark) and
 *   linked on one global list. An open-addressing hash set of object
 *   addresses answers "is this a large object?" for the marker, which must
 *   tell heap objects from static ones (types, immortal constants) without
 *   reading memory it does not own. Sweeping is eager: at the end of each
 *   collection every unmarked large object is freed.
 *
 * Invariants
 *   - The list, the set and the counters change only under los_lock; the
 *     collector reads them while the world is stopped (no mutator is inside
 *     los_lock then: it never polls while holding it).
 *   - An object is in the set iff it is on the list.
 */
#include <string.h>

#include "internal.h"

typedef struct large_hdr {
  struct large_hdr *prev, *next;
  size_t size;
  uint64_t mark;
} large_hdr;

_Static_assert(sizeof(large_hdr) % 16 == 0, "large objects stay 16-byte aligned");

static pthread_mutex_t los_lock = PTHREAD_MUTEX_INITIALIZER;
static large_hdr *los_head;
static uint64_t los_bytes, los_count, los_freed;

/* The address set. Empty slots are NULL, deleted ones TOMB. */
#define TOMB ((void *)1)
static void **set_slots;
static size_t set_cap, set_used; /* used counts live entries and tombstones */

static inline size_t set_hash(const void *p) {
  uint64_t x = (uint64_t)(uintptr_t)p >> 4;
  x *= 0x9e3779b97f4a7c15ull;
  return (size_t)(x >> 17);
}

static void set_insert_raw(void **slots, size_t cap, void *p) {
  size_t i = set_hash(p) & (cap - 1);
  while (slots[i] && slots[i] != TOMB) i = (i + 1) & (cap - 1);
  slots[i] = p;
}

static void set_grow(void) {
  size_t cap = set_cap ? set_cap : 64;
  while (cap < 4 * (los_count + 1)) cap *= 2;
  void **slots = wf_mem_calloc(cap * sizeof(void *));
  for (size_t i = 0; i < set_cap; i++)
    if (set_slots[i] && set_slots[i] != TOMB) set_insert_raw(slots, cap, set_slots[i]);
  wf_mem_free(set_slots, set_cap * sizeof(void *));
  set_slots = slots;
  set_cap = cap;
  set_used = los_count;
}

static void set_add(void *p) {
  if (2 * (set_used + 1) > set_cap) set_grow();
  set_insert_raw(set_slots, set_cap, p);
  set_used++;
}

static void **set_find(const void *p) {
  if (!set_cap) return NULL;
  size_t i = set_hash(p) & (set_cap - 1);
  while (set_slots[i]) {
    if (set_slots[i] == p) return &set_slots[i];
    i = (i + 1) & (set_cap - 1);
  }
  return NULL;
}

static inline large_hdr *hdr_of(const void *p) { return (large_hdr *)p - 1; }

void *wf_large_alloc(size_t size) {
  large_hdr *h = wf_mem_calloc(sizeof(large_hdr) + size);
  h->size = size;
  void *obj = h + 1;
  pthread_mutex_lock(&los_lock);
  h->next = los_head;
  if (los_head) los_head->prev = h;
  los_head = h;
  los_bytes += size;
  los_count++;
  set_add(obj);
  pthread_mutex_unlock(&los_lock);
  wf_gc_note_allocation(size);
  return obj;
}

bool wf_large_contains(const void *p) {
  pthread_mutex_lock(&los_lock);
  bool found = set_find(p) != NULL;
  pthread_mutex_unlock(&los_lock);
  return found;
}

size_t wf_large_usable_size(const void *p) { return hdr_of(p)->size; }

/* World stopped: no lock needed (see invariants). */
int wf_large_mark(void *p) {
  if (!set_find(p)) return -1;
  large_hdr *h = hdr_of(p);
  if (h->mark) return 0;
  h->mark = 1;
  return 1;
}

void wf_large_clear_marks(void) {
  for (large_hdr *h = los_head; h; h = h->next) h->mark = 0;
}

void wf_large_sweep(void) {
  pthread_mutex_lock(&los_lock);
  large_hdr *h = los_head;
  while (h) {
    large_hdr *next = h->next;
    if (!h->mark) {
      if (h->prev) h->prev->next = next;
      else los_head = next;
      if (next) next->prev = h->prev;
      *set_find(h + 1) = TOMB;
      los_bytes -= h->size;
      los_count--;
      los_freed++;
      if (wf_gc_stress) memset(h + 1, 0xdb, h->size);
      wf_mem_free(h, sizeof(large_hdr) + h->size);
    }
    h = next;
  }
  if (set_used > 2 * los_count + 64) set_grow(); /* drop tombstones */
  pthread_mutex_unlock(&los_lock);
}

void wf_large_stats(uint64_t *bytes, uint64_t *objects, uint64_t *freed) {
  pthread_mutex_lock(&los_lock);
  *bytes = los_bytes;
  *objects = los_count;
  *freed = los_freed;
  pthread_mutex_unlock(&los_lock);
}
