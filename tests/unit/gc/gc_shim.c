/* C shims for the gc/ unit tests. Each check returns "" on success or a
 * message saying what went wrong. */
#include "shim.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tobj.h"

static char msg[512];
#define FAIL(...) (snprintf(msg, sizeof msg, __VA_ARGS__), msg)

/* A root scanner over a malloc'd array of object pointers. */
typedef struct rootset {
  void **items;
  size_t len;
} rootset;

static void scan_rootset(wf_gc_tracer *t, void *arg) {
  rootset *r = arg;
  for (size_t i = 0; i < r->len; i++) wf_gc_visit(t, r->items[i]);
}

static uint64_t live_objects(void) {
  wf_gc_stats s;
  wf_gc_get_stats(&s);
  return s.live_objects;
}

void shim_init(void) { tobj_init(); }

static void fill(unsigned char *p, size_t from, size_t to, unsigned seed) {
  for (size_t i = from; i < to; i++) p[i] = (unsigned char)(i * 31 + seed);
}
static bool check_fill(const unsigned char *p, size_t from, size_t to, unsigned seed) {
  for (size_t i = from; i < to; i++)
    if (p[i] != (unsigned char)(i * 31 + seed)) return false;
  return true;
}

/* Objects of one size: zeroed, usable size right, no overlap, survive a
 * collection while rooted, reclaimed when not. */
static const char *check_size(size_t size, size_t count) {
  rootset r = {calloc(count, sizeof(void *)), count};
  wf_gc_add_root_scanner(scan_rootset, &r);
  const char *err = "";
  for (size_t i = 0; i < count; i++) {
    unsigned char *p = traw_new(size);
    for (size_t k = sizeof(wf_gc_header); k < size; k++)
      if (p[k]) {
        err = FAIL("size %zu: object %zu not zeroed at byte %zu", size, i, k);
        goto out;
      }
    size_t usable = wf_gc_usable_size(p);
    if (usable < size || (size <= wf_gc_large_threshold() && usable > size + size / 4 + 16)) {
      err = FAIL("size %zu: usable size %zu", size, usable);
      goto out;
    }
    if (!wf_gc_is_heap_object(p)) {
      err = FAIL("size %zu: not recognised as a heap object", size);
      goto out;
    }
    fill(p, sizeof(wf_gc_header), size, (unsigned)i);
    r.items[i] = p;
  }
  uint64_t before = live_objects();
  (void)before;
  wf_gc_collect();
  if (live_objects() < count) {
    err = FAIL("size %zu: %llu live after collect, want >= %zu", size, (unsigned long long)live_objects(), count);
    goto out;
  }
  for (size_t i = 0; i < count; i++)
    if (!check_fill(r.items[i], sizeof(wf_gc_header), size, (unsigned)i)) {
      err = FAIL("size %zu: object %zu corrupted (overlap or freed while rooted)", size, i);
      goto out;
    }
  r.len = 0;
  wf_gc_collect();
  if (live_objects() != 0) err = FAIL("size %zu: %llu objects live after dropping all roots", size, (unsigned long long)live_objects());
out:
  wf_gc_remove_root_scanner(scan_rootset, &r);
  free(r.items);
  return err;
}

const char *shim_every_size_class(void) {
  for (int c = 0; c < wf_gc_size_class_count(); c++) {
    size_t size = wf_gc_size_class_size(c);
    size_t count = size <= 256 ? 5000 : 300;
    const char *e = check_size(size, count);
    if (*e) return e;
    if (size > 16 && *(e = check_size(size - 7, count))) return e;
  }
  return "";
}

const char *shim_large_objects(void) {
  static const size_t sizes[] = {8193, 12000, 65536, 1u << 20, 10u << 20};
  for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
    const char *e = check_size(sizes[i], 4);
    if (*e) return e;
  }
  wf_gc_stats s;
  wf_gc_get_stats(&s);
  if (s.large_objects != 0) return FAIL("%llu large objects remain", (unsigned long long)s.large_objects);
  if (s.large_freed_objects < 20) return FAIL("only %llu large objects freed", (unsigned long long)s.large_freed_objects);
  return "";
}

/* A ring with random chords, reached from one root: every node survives;
 * dropping the root frees them all. */
const char *shim_cycles(size_t n) {
  tnode *root = NULL;
  WF_GC_ROOT(root);
  tnode **all = calloc(n, sizeof *all);
  root = tnode_new(NULL, NULL, 0);
  all[0] = root;
  for (size_t i = 1; i < n; i++) all[i] = tnode_new(all[i - 1], NULL, i);
  WF_GC_STORE(&root->a, all[n - 1]); /* close the ring */
  srand(7);
  for (size_t i = 0; i < n; i++) WF_GC_STORE(&all[i]->b, all[(size_t)rand() % n]);
  wf_gc_collect();
  if (live_objects() != n) {
    free(all);
    return FAIL("ring of %zu: %llu live", n, (unsigned long long)live_objects());
  }
  for (size_t i = 0; i < n; i++)
    if (all[i]->value != i) {
      free(all);
      return FAIL("ring node %zu corrupted", i);
    }
  free(all);
  root = NULL;
  wf_gc_collect();
  if (live_objects() != 0) return FAIL("ring unreachable but %llu live", (unsigned long long)live_objects());
  return "";
}

/* A singly linked chain: the marker must not recurse. */
const char *shim_chain(size_t n) {
  tnode *head = NULL;
  WF_GC_ROOT(head);
  for (size_t i = 0; i < n; i++) head = tnode_new(head, NULL, i);
  wf_gc_collect();
  wf_gc_stats s;
  wf_gc_get_stats(&s);
  if (s.live_objects != n) return FAIL("chain of %zu: %llu live", n, (unsigned long long)s.live_objects);
  size_t i = n;
  for (tnode *p = head; p; p = p->a)
    if (p->value != --i) return FAIL("chain corrupted at %zu", i);
  if (i != 0) return FAIL("chain short by %zu", i);
  head = NULL;
  wf_gc_collect();
  if (live_objects() != 0) return FAIL("dropped chain: %llu live", (unsigned long long)live_objects());
  return "";
}

static int cmp_ptr(const void *a, const void *b) {
  uintptr_t x = *(const uintptr_t *)a, y = *(const uintptr_t *)b;
  return x < y ? -1 : x > y;
}

/* Unreachable objects are reclaimed and their slots handed out again; the
 * heap does not grow across rounds of garbage. */
const char *shim_reclaim_and_reuse(int rounds) {
  enum { N = 100000 };
  void **old = malloc(N * sizeof *old);
  for (size_t i = 0; i < N; i++) old[i] = tleaf_new(i);
  qsort(old, N, sizeof *old, cmp_ptr);
  wf_gc_collect();
  size_t reused = 0;
  for (size_t i = 0; i < N; i++) {
    void *p = tleaf_new(i);
    if (bsearch(&p, old, N, sizeof *old, cmp_ptr)) reused++;
  }
  free(old);
  if (reused < N * 9 / 10) return FAIL("only %zu of %d new objects reused freed slots", reused, N);

  wf_gc_collect();
  wf_gc_stats s0, s1;
  wf_gc_get_stats(&s0);
  for (int round = 0; round < rounds; round++) {
    for (size_t i = 0; i < (1u << 20); i++) {
      tleaf_new(i);
      if ((i & 4095) == 0) WF_SAFEPOINT_POLL();
    }
  }
  wf_gc_collect();
  wf_gc_get_stats(&s1);
  if (s1.collections < s0.collections + (uint64_t)rounds / 4) return FAIL("%d x 32 MiB of garbage caused only %llu collections", rounds, (unsigned long long)(s1.collections - s0.collections));
  if (s1.heap_span_bytes > (256u << 20)) return FAIL("heap grew to %llu bytes on garbage", (unsigned long long)s1.heap_span_bytes);
  return "";
}

/* ---- The shadow stack ---- */

static size_t depth_inside;

static int rooted_early_return(int early) {
  tnode *a = tnode_new(NULL, NULL, 1);
  WF_GC_ROOT(a);
  tnode *b = tnode_new(a, NULL, 2);
  WF_GC_ROOT(b);
  depth_inside = wf_gc_shadow_depth();
  if (early) return 1;
  for (int i = 0; i < 3; i++) {
    tnode *c = tnode_new(b, NULL, 3);
    WF_GC_ROOT(c);
    wf_gc_collect();
    if (c->a != b || b->a != a || a->value != 1) return -1;
  }
  return 0;
}

const char *shim_shadow_stack(void) {
  size_t d0 = wf_gc_shadow_depth();
  if (rooted_early_return(1) != 1 || wf_gc_shadow_depth() != d0) return FAIL("early return left depth %zu (was %zu)", wf_gc_shadow_depth(), d0);
  if (depth_inside != d0 + 2) return FAIL("two roots gave depth %zu (base %zu)", depth_inside, d0);
  if (rooted_early_return(0) != 0) return FAIL("rooted objects damaged by a collection");
  if (wf_gc_shadow_depth() != d0) return FAIL("depth %zu after return", wf_gc_shadow_depth());
  {
    tleaf *kept = tleaf_new(42);
    WF_GC_ROOT(kept);
    tleaf_new(43); /* not rooted */
    wf_gc_collect();
    if (live_objects() != 1 || kept->value != 42) return FAIL("rooted leaf: %llu live", (unsigned long long)live_objects());
    /* Deep: more roots than the initial shadow-stack capacity. */
    enum { DEEP = 5000 };
    tleaf *deep[DEEP];
    for (int i = 0; i < DEEP; i++) deep[i] = tleaf_new((uint64_t)i);
    {
      void **slots[DEEP] = {0};
      for (int i = 0; i < DEEP; i++) slots[i] = wf_gc_shadow_push_((void **)&deep[i]);
      wf_gc_collect();
      if (live_objects() != DEEP + 1) return FAIL("deep roots: %llu live", (unsigned long long)live_objects());
      for (int i = 0; i < DEEP; i++) wf_gc_shadow_pop_(&slots[i]);
    }
    for (int i = 0; i < DEEP; i++)
      if (deep[i]->value != (uint64_t)i) return FAIL("deep root %d damaged", i);
  }
  wf_gc_collect();
  if (live_objects() != 0) return FAIL("%llu live after scopes closed", (unsigned long long)live_objects());
  return "";
}

/* Under WEFT_GC_STRESS each poll collects: a rooted structure survives many
 * polls, and the counters show collections happened. */
const char *shim_stress_polls(void) {
  tnode *head = NULL;
  WF_GC_ROOT(head);
  wf_gc_stats s0, s1;
  wf_gc_get_stats(&s0);
  for (int i = 0; i < 200; i++) {
    head = tnode_new(head, NULL, (uint64_t)i);
    tleaf_new((uint64_t)i); /* garbage */
    WF_SAFEPOINT_POLL();
  }
  wf_gc_get_stats(&s1);
  int i = 200;
  for (tnode *p = head; p; p = p->a)
    if (p->value != (uint64_t)--i) return FAIL("list damaged at %d", i);
  if (wf_gc_stress_enabled() && s1.collections < s0.collections + 200)
    return FAIL("stress mode: only %llu collections in 200 polls", (unsigned long long)(s1.collections - s0.collections));
  return "";
}

#if defined(WF_ASAN)
#include <sanitizer/asan_interface.h>
#endif

/* A dead object is poisoned once a collection has run (ASan builds always,
 * other builds under WEFT_GC_STRESS), so a missing root fails at once. */
const char *shim_dead_objects_poisoned(void) {
  tleaf *dead = tleaf_new(0x1234);
  uintptr_t addr = (uintptr_t)dead;
  dead = NULL;
  wf_gc_collect();
  const unsigned char *body = (const unsigned char *)addr + sizeof(wf_gc_header);
#if defined(WF_ASAN)
  if (!__asan_address_is_poisoned(body)) return FAIL("dead object not poisoned under ASan");
#else
  if (wf_gc_stress_enabled() && body[0] != 0xdb) return FAIL("dead object not filled with 0xdb under GC stress");
#endif
  return "";
}

/* A type whose trace function forgets its second field: after a collection
 * the object behind that field is dead, and reading it must fail (ASan reports
 * a use-after-poison; run in a death test). Returns the value read. */
static void trace_only_a(void *obj, wf_gc_tracer *t) { wf_gc_visit(t, ((tnode *)obj)->a); }
static tobj_type broken_type = {.name = "broken", .trace = trace_only_a};

uint64_t shim_read_through_untraced_field(void) {
  tnode *n = tnode_new(NULL, NULL, 1);
  WF_GC_ROOT(n);
  n->h.type = &broken_type;
  tleaf *hidden = tleaf_new(2);
  WF_GC_STORE((tleaf **)&n->b, hidden);
  wf_gc_collect();
  return ((volatile tleaf *)n->b)->value;
}
