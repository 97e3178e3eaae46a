/* GC and thread stress programs, each with an invariant it checks.
 *
 *   gc_stress structures [short|long]
 *     (a) 8 threads build and drop linked structures (trees with cycles)
 *     while collections run; after each collection every thread re-checks
 *     the checksum of every structure it keeps.
 *   gc_stress native [short|long]
 *     (b) threads enter and leave the native state while others request
 *     stop-the-world; invariant: no thread is RUNNING while a stop is held
 *     (a shared counter incremented only in the RUNNING state does not move).
 *   gc_stress shared [short|long]
 *     (c) one shared table of slots, mutated by all threads under a lock while
 *     collections run: each thread moves "tokens" between slots; the total is
 *     conserved and every node reachable from the table is intact.
 *   gc_stress roots [short|long]
 *     (e) threads register and unregister root scanners (as every Python
 *     thread does at its start and end) while another collects in a loop;
 *     invariant: it finishes (a collector that took the root registry's lock
 *     only during its stop deadlocked with a registering thread).
 *   gc_stress locks [short|long]
 *     (d) wf_lock under contention and bias revocation: threads increment
 *     plain counters under the cells' locks, mostly in cells of their own
 *     (biased to them) and sometimes in anyone's (which revokes the bias);
 *     a second set of cells is first used by one thread, then by all.
 *     Invariants: no increment is lost, and no two threads are ever inside
 *     one cell at once (each writes its id into the cell and re-reads it).
 *
 * Mode: the second argument, or WEFT_STRESS_LONG=1 for long. Exit status 0
 * and a line "ok: ..." on success; a message and status 1 otherwise.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lock.h"
#include "tobj.h"

static int long_mode;
static _Atomic int failed;

#define CHECK(cond, ...)                          \
  do {                                            \
    if (!(cond)) {                                \
      fprintf(stderr, "FAIL: " __VA_ARGS__);      \
      fputc('\n', stderr);                        \
      atomic_store(&failed, 1);                   \
    }                                             \
  } while (0)

static uint64_t mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  return x;
}

static void run_threads(int n, void (*fn)(void *), void *args, size_t argsize) {
  wf_os_thread_t th[64];
  for (int i = 0; i < n; i++) wf_thread_start(&th[i], fn, (char *)args + (size_t)i * argsize);
  for (int i = 0; i < n; i++) wf_thread_join(th[i]);
}

/* ---- (a) structures ---------------------------------------------------------- */

/* A binary tree of depth d whose leaves point back at the root (cycles). */
static tnode *build_tree(int depth, uint64_t seed, tnode *root) {
  tnode *n = tnode_new(NULL, NULL, mix(seed));
  WF_GC_ROOT(n);
  if (!root) root = n;
  if (depth == 0) {
    WF_GC_STORE(&n->a, root);
    return n;
  }
  tnode *l = build_tree(depth - 1, seed * 2 + 1, root);
  WF_GC_STORE(&n->a, l);
  tnode *r = build_tree(depth - 1, seed * 2 + 2, root);
  WF_GC_STORE(&n->b, r);
  if ((seed & 7) == 0) WF_SAFEPOINT_POLL();
  return n;
}

static uint64_t tree_sum(const tnode *n, int depth) {
  if (depth == 0) return n->value;
  return n->value + tree_sum(n->a, depth - 1) + tree_sum(n->b, depth - 1);
}

enum { KEEP = 16, DEPTH = 7 };

typedef struct struct_arg {
  int id;
  int rounds;
  uint64_t checks;
} struct_arg;

static void structures_worker(void *p) {
  struct_arg *arg = p;
  tarray *kept = tarray_new(KEEP);
  WF_GC_ROOT(kept);
  uint64_t sums[KEEP] = {0};
  uint64_t seen_collections = 0;
  for (int r = 0; r < arg->rounds; r++) {
    int slot = (int)(mix((uint64_t)r * 131 + (uint64_t)arg->id) % KEEP);
    uint64_t seed = ((uint64_t)arg->id << 32) | (uint64_t)r;
    tnode *t = build_tree(DEPTH, seed, NULL);
    WF_GC_STORE(&kept->items[slot], t);
    sums[slot] = tree_sum(t, DEPTH);
    build_tree(4, seed ^ 0x5555, NULL); /* garbage */
    WF_SAFEPOINT_POLL();
    wf_gc_stats s;
    wf_gc_get_stats(&s);
    if (s.collections != seen_collections) { /* a collection ran: re-check all */
      seen_collections = s.collections;
      for (int i = 0; i < KEEP; i++) {
        tnode *k = kept->items[i];
        if (!k) continue;
        CHECK(tree_sum(k, DEPTH) == sums[i], "thread %d: structure %d checksum changed", arg->id, i);
        arg->checks++;
      }
    }
  }
}

static int stress_structures(void) {
  enum { N = 8 };
  struct_arg args[N];
  int rounds = long_mode ? 100000 : (wf_gc_stress_enabled() ? 40 : 30000);
  for (int i = 0; i < N; i++) args[i] = (struct_arg){.id = i, .rounds = rounds};
  run_threads(N, structures_worker, args, sizeof *args);
  uint64_t checks = 0;
  for (int i = 0; i < N; i++) checks += args[i].checks;
  wf_gc_stats s;
  wf_gc_get_stats(&s);
  CHECK(s.collections > 0, "no collection ran");
  CHECK(checks > 0, "no checksum verified after a collection");
  printf("ok: structures: %d threads x %d rounds, %llu collections, %llu checksums verified, max pause %.2f ms\n", N,
         rounds, (unsigned long long)s.collections, (unsigned long long)checks, s.pause_max_ns / 1e6);
  return 0;
}

/* ---- (b) native state vs stop-the-world --------------------------------------- */

typedef struct native_shared {
  _Atomic int stop;
  _Atomic uint64_t managed_work; /* changed only while RUNNING */
  _Atomic uint64_t transitions;
  _Atomic uint64_t stops;
} native_shared;

typedef struct native_arg {
  native_shared *sh;
  int id;
} native_arg;

static void native_flipper(void *p) {
  native_arg *a = p;
  native_shared *sh = a->sh;
  uint64_t i = 0;
  while (!atomic_load(&sh->stop)) {
    wf_thread_enter_native();
    if ((i & 15) == 0) usleep(10);
    wf_thread_leave_native();
    atomic_fetch_add(&sh->managed_work, 1);
    atomic_fetch_add(&sh->transitions, 1);
    tleaf_new(i);
    if ((i & 3) == 0) WF_SAFEPOINT_POLL();
    i++;
  }
}

static void native_stopper(void *p) {
  native_arg *a = p;
  native_shared *sh = a->sh;
  int rounds = long_mode ? 50000 : 2000;
  for (int r = 0; r < rounds; r++) {
    wf_stw_begin();
    uint64_t w0 = atomic_load(&sh->managed_work);
    for (volatile int k = 0; k < 2000; k++) {}
    uint64_t w1 = atomic_load(&sh->managed_work);
    wf_stw_end();
    CHECK(w0 == w1, "stopper %d: %llu managed steps while the world was stopped", a->id, (unsigned long long)(w1 - w0));
    atomic_fetch_add(&sh->stops, 1);
    if (r % 8 == 0) wf_gc_collect();
    /* Give the flippers time to run between stops, as real collections do. */
    WF_NATIVE_REGION { usleep(20); }
    WF_SAFEPOINT_POLL();
  }
}

static void native_role(void *p) {
  native_arg *a = p;
  if (a->id < 2) {
    native_stopper(p);
    if (a->id == 0) atomic_store(&a->sh->stop, 1);
  } else {
    native_flipper(p);
  }
}

static int stress_native(void) {
  enum { N = 8 };
  native_shared sh = {0};
  native_arg args[N];
  for (int i = 0; i < N; i++) args[i] = (native_arg){&sh, i};
  run_threads(N, native_role, args, sizeof *args);
  CHECK(atomic_load(&sh.transitions) > 0, "no native transitions");
  printf("ok: native: %llu stops by 2 threads against 6 threads making %llu native round trips\n",
         (unsigned long long)atomic_load(&sh.stops), (unsigned long long)atomic_load(&sh.transitions));
  return 0;
}

/* ---- (c) one shared structure ------------------------------------------------- */

enum { SLOTS = 256, TOKENS_PER_SLOT = 100 };

typedef struct shared_table {
  pthread_mutex_t lock;
  tarray *slots; /* global root; items are tnode chains: value = tokens */
} shared_table;

static shared_table table = {.lock = PTHREAD_MUTEX_INITIALIZER};

static uint64_t chain_tokens(const tnode *n) {
  /* A slot holds a short chain; its tokens are the head's value and every
   * node's b-link carries a checksum of its value. */
  uint64_t tokens = n->value;
  for (const tnode *p = n; p; p = p->a) {
    if (p->b && p->b->value != mix(p->value)) return UINT64_MAX;
  }
  return tokens;
}

static tnode *make_slot(uint64_t tokens, uint64_t salt) {
  tnode *chain = NULL;
  WF_GC_ROOT(chain);
  for (int i = 0; i < 3; i++) {
    uint64_t v = i == 2 ? tokens : salt + (uint64_t)i;
    tnode *check = tnode_new(NULL, NULL, mix(v));
    WF_GC_ROOT(check);
    chain = tnode_new(chain, check, v);
  }
  return chain;
}

typedef struct shared_arg {
  int id;
  uint64_t moves;
} shared_arg;

static void shared_worker(void *p) {
  shared_arg *a = p;
  int iters = long_mode ? 1000000 : (wf_gc_stress_enabled() ? 300 : 200000);
  for (int i = 0; i < iters; i++) {
    uint64_t r = mix((uint64_t)a->id * 1000003u + (uint64_t)i);
    size_t from = r % SLOTS, to = (r >> 20) % SLOTS;
    /* Allocate the replacements before taking the lock (allocation may
     * request a collection; a poll under the lock would be a bug). */
    wf_mutex_lock_safepoint_aware(&table.lock);
    tnode *src = table.slots->items[from], *dst = table.slots->items[to];
    uint64_t s = chain_tokens(src), d = chain_tokens(dst);
    pthread_mutex_unlock(&table.lock);
    if (s == UINT64_MAX || d == UINT64_MAX) {
      CHECK(0, "slot chain corrupted");
      return;
    }
    tnode *ns = make_slot(0, r);
    WF_GC_ROOT(ns);
    tnode *nd = make_slot(0, r + 7);
    WF_GC_ROOT(nd);
    wf_mutex_lock_safepoint_aware(&table.lock);
    src = table.slots->items[from];
    dst = table.slots->items[to];
    if (from != to && src->value > 0) {
      uint64_t move = 1 + r % src->value;
      ns->value = src->value - move;
      nd->value = dst->value + move;
      WF_GC_STORE(&ns->b, NULL); /* value changed: drop the check link */
      WF_GC_STORE(&nd->b, NULL);
      WF_GC_STORE(&table.slots->items[from], ns);
      WF_GC_STORE(&table.slots->items[to], nd);
      a->moves++;
    }
    pthread_mutex_unlock(&table.lock);
    WF_SAFEPOINT_POLL();
  }
}

static int stress_shared(void) {
  enum { N = 8 };
  wf_gc_add_global_root((void **)&table.slots);
  table.slots = tarray_new(SLOTS);
  for (size_t i = 0; i < SLOTS; i++) {
    tnode *s = make_slot(TOKENS_PER_SLOT, i);
    WF_GC_STORE(&table.slots->items[i], s);
  }
  shared_arg args[N];
  for (int i = 0; i < N; i++) args[i] = (shared_arg){.id = i};
  run_threads(N, shared_worker, args, sizeof *args);
  wf_gc_collect();
  uint64_t total = 0, moves = 0;
  for (size_t i = 0; i < SLOTS; i++) total += ((tnode *)table.slots->items[i])->value;
  for (int i = 0; i < N; i++) moves += args[i].moves;
  CHECK(total == (uint64_t)SLOTS * TOKENS_PER_SLOT, "tokens not conserved: %llu", (unsigned long long)total);
  wf_gc_stats s;
  wf_gc_get_stats(&s);
  printf("ok: shared: %d threads, %llu moves, %llu tokens conserved, %llu collections\n", N,
         (unsigned long long)moves, (unsigned long long)total, (unsigned long long)s.collections);
  return 0;
}

/* ---- (e) root registry ------------------------------------------------------- */

static _Atomic int roots_registering;

static void roots_scan(wf_gc_tracer *t, void *arg) { (void)t, (void)arg; }

static void roots_worker(void *p) {
  int id = *(int *)p;
  if (id == 0) {
    while (atomic_load(&roots_registering) > 0) wf_gc_collect();
    return;
  }
  int rounds = long_mode ? 2000000 : 200000;
  for (int r = 0; r < rounds; r++) {
    wf_gc_add_root_scanner(roots_scan, p);
    wf_gc_remove_root_scanner(roots_scan, p);
  }
  atomic_fetch_sub(&roots_registering, 1);
}

static int stress_roots(void) {
  enum { N = 4 };
  int ids[N];
  for (int i = 0; i < N; i++) ids[i] = i;
  atomic_store(&roots_registering, N - 1);
  run_threads(N, roots_worker, ids, sizeof ids[0]);
  printf("ok: roots: %d threads registered root scanners against a collecting thread\n", N - 1);
  return 0;
}

/* ---- (d) locks ----------------------------------------------------------------- */

#define LOCK_THREADS 4
#define CELLS_PER_THREAD 16
#define NCELLS (LOCK_THREADS * CELLS_PER_THREAD)

typedef struct {
  wf_lock lock;
  uint64_t count; /* plain: the lock alone protects it */
  int inside;     /* plain: the holder's id while held */
} lock_cell;

#define LOCK_EPOCHS 8
static lock_cell own_cells[NCELLS], handoff_cells[LOCK_EPOCHS][NCELLS];
static pthread_barrier_t lock_barrier;

typedef struct {
  int id;
  uint64_t done;
} lock_arg;

static void bump(lock_cell *c, int id) {
  wf_lock_acquire(&c->lock);
  c->inside = id;
  uint64_t v = c->count;
  for (volatile int k = 0; k < 8; k++) {
  }
  c->count = v + 1;
  CHECK(c->inside == id, "two threads inside one wf_lock (%d and %d)", id, c->inside);
  wf_lock_release(&c->lock);
}

/* Each epoch has fresh handoff cells: their owners bias them, then keep
 * using them while the other threads revoke the biases. */
static void locks_worker(void *p) {
  lock_arg *a = p;
  uint64_t rounds = (long_mode ? 2500000 : 250000), x = mix((uint64_t)a->id + 1);
  for (int e = 0; e < LOCK_EPOCHS; e++) {
    lock_cell *handoff = handoff_cells[e];
    for (int i = 0; i < CELLS_PER_THREAD; i++) {
      bump(&handoff[a->id * CELLS_PER_THREAD + i], a->id + 1);
      a->done++;
    }
    WF_NATIVE_REGION { pthread_barrier_wait(&lock_barrier); }
    for (uint64_t r = 0; r < rounds; r++) {
      x = mix(x + r);
      lock_cell *c;
      if ((x & 3) == 0) c = &handoff[(x >> 8) % NCELLS];
      else if ((x & 3) == 1) c = &handoff[a->id * CELLS_PER_THREAD + (int)((x >> 8) % CELLS_PER_THREAD)];
      else if ((x & 0x70) != 0) c = &own_cells[a->id * CELLS_PER_THREAD + (int)((x >> 8) % CELLS_PER_THREAD)];
      else c = &own_cells[(x >> 8) % NCELLS];
      bump(c, a->id + 1);
      a->done++;
      if ((r & 1023) == 0) WF_SAFEPOINT_POLL();
    }
  }
}

static int stress_locks(void) {
  lock_arg args[LOCK_THREADS];
  pthread_barrier_init(&lock_barrier, NULL, LOCK_THREADS);
  for (int i = 0; i < LOCK_THREADS; i++) args[i] = (lock_arg){.id = i};
  run_threads(LOCK_THREADS, locks_worker, args, sizeof args[0]);
  uint64_t expected = 0, counted = 0;
  for (int i = 0; i < LOCK_THREADS; i++) expected += args[i].done;
  for (int i = 0; i < NCELLS; i++) {
    counted += own_cells[i].count;
    for (int e = 0; e < LOCK_EPOCHS; e++) counted += handoff_cells[e][i].count;
  }
  CHECK(counted == expected, "lost increments: %llu counted, %llu done", (unsigned long long)counted,
        (unsigned long long)expected);
  pthread_barrier_destroy(&lock_barrier);
  if (atomic_load(&failed)) return 1;
  printf("ok: locks: %llu locked increments on %d threads, %u biases revoked\n", (unsigned long long)counted,
         LOCK_THREADS, (unsigned)wf_lock_revocations());
  return 0;
}

int main(int argc, char **argv) {
  const char *which = argc > 1 ? argv[1] : "all";
  const char *mode = argc > 2 ? argv[2] : getenv("WEFT_STRESS_LONG");
  long_mode = mode && (strcmp(mode, "long") == 0 || strcmp(mode, "1") == 0);
  /* A small trigger keeps collections frequent, so every run sees many. */
  tobj_init_with_trigger(8u << 20);
  int ran = 0;
  if (!strcmp(which, "structures") || !strcmp(which, "all")) ran += !stress_structures();
  if (!strcmp(which, "native") || !strcmp(which, "all")) ran += !stress_native();
  if (!strcmp(which, "shared") || !strcmp(which, "all")) ran += !stress_shared();
  if (!strcmp(which, "locks") || !strcmp(which, "all")) ran += !stress_locks();
  if (!strcmp(which, "roots") || !strcmp(which, "all")) ran += !stress_roots();
  if (!ran) {
    fprintf(stderr, "usage: gc_stress structures|native|shared|locks|roots|all [short|long]\n");
    return 2;
  }
  return atomic_load(&failed) ? 1 : 0;
}
