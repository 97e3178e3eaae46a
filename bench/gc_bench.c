/* GC benchmark: run with no argument, it runs each part in a fresh process
 * (so each peak-RSS figure is its own) and prints one table.
 *
 *   alloc  small-object allocation throughput, 1 and 2 threads, against
 *          jemalloc's malloc+free doing the same work (32-byte objects; each
 *          thread keeps its 1024 newest objects alive, the rest is garbage).
 *   heap   10 million live 32-byte objects (a linked chain): the
 *          stop-the-world pause of a full collection, and peak resident
 *          memory against the payload (10M x 32 B).
 *
 * Figures are medians of several runs; the machine is shared and noisy, so
 * compare ratios from one run, not absolute numbers across runs.
 */
#define _GNU_SOURCE
#include <jemalloc/jemalloc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "tobj.h"

enum { RING = 1024, REPS = 5 };
static const size_t per_thread = 20u << 20; /* allocations per thread */

typedef struct cell32 {
  wf_gc_header h;
  struct cell32 *next;
  uint64_t value;
} cell32;
_Static_assert(sizeof(cell32) == 32, "32-byte objects");

static void trace_cell(void *obj, wf_gc_tracer *t) { wf_gc_visit(t, ((cell32 *)obj)->next); }
static tobj_type cell_type = {.name = "cell32", .trace = trace_cell};

static cell32 *cell_new(cell32 *next, uint64_t v) {
  cell32 *c = wf_gc_alloc(sizeof *c);
  c->h.type = &cell_type;
  WF_GC_STORE(&c->next, next);
  c->value = v;
  return c;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}
static double median(double *v, int n) {
  qsort(v, (size_t)n, sizeof *v, cmp_double);
  return v[n / 2];
}

/* ---- alloc ---- */

static void gc_worker(void *unused) {
  (void)unused;
  tarray *ring = tarray_new(RING);
  WF_GC_ROOT(ring);
  for (size_t i = 0; i < per_thread; i++) {
    cell32 *c = cell_new(NULL, i);
    WF_GC_STORE(&ring->items[i & (RING - 1)], c);
    if ((i & 255) == 0) WF_SAFEPOINT_POLL();
  }
}

static void *malloc_worker(void *unused) {
  (void)unused;
  void **ring = calloc(RING, sizeof *ring);
  for (size_t i = 0; i < per_thread; i++) {
    uint64_t *c = mallocx(32, 0);
    c[2] = i;
    size_t k = i & (RING - 1);
    if (ring[k]) dallocx(ring[k], 0);
    ring[k] = c;
  }
  for (size_t k = 0; k < RING; k++)
    if (ring[k]) dallocx(ring[k], 0);
  free(ring);
  return NULL;
}

static double run_gc(int nthreads) {
  wf_os_thread_t th[8];
  uint64_t t0 = wf_time_ns();
  for (int i = 0; i < nthreads; i++) wf_thread_start(&th[i], gc_worker, NULL);
  for (int i = 0; i < nthreads; i++) wf_thread_join(th[i]);
  return (double)per_thread * nthreads / ((wf_time_ns() - t0) / 1e9);
}

static double run_malloc(int nthreads) {
  pthread_t th[8];
  uint64_t t0 = wf_time_ns();
  for (int i = 0; i < nthreads; i++) pthread_create(&th[i], NULL, malloc_worker, NULL);
  for (int i = 0; i < nthreads; i++) pthread_join(th[i], NULL);
  return (double)per_thread * nthreads / ((wf_time_ns() - t0) / 1e9);
}

static int bench_alloc(void) {
  double g1[REPS], g2[REPS], m1[REPS], m2[REPS];
  for (int r = 0; r < REPS; r++) {
    g1[r] = run_gc(1);
    g2[r] = run_gc(2);
    m1[r] = run_malloc(1);
    m2[r] = run_malloc(2);
  }
  double G1 = median(g1, REPS), G2 = median(g2, REPS), M1 = median(m1, REPS), M2 = median(m2, REPS);
  wf_gc_stats s;
  wf_gc_get_stats(&s);
  wf_stw_stats_t w;
  wf_stw_get_stats(&w);
  printf("alloc  weft gc    1 thread : %7.1f M objects/s\n", G1 / 1e6);
  printf("alloc  weft gc    2 threads: %7.1f M objects/s   scaling %.2fx (target >= 1.8x)\n", G2 / 1e6, G2 / G1);
  printf("alloc  jemalloc   1 thread : %7.1f M objects/s   weft/jemalloc %.2fx\n", M1 / 1e6, G1 / M1);
  printf("alloc  jemalloc   2 threads: %7.1f M objects/s   scaling %.2fx, weft/jemalloc %.2fx\n", M2 / 1e6, M2 / M1,
         G2 / M2);
  printf("alloc  (%llu collections, mean pause %.3f ms, max %.2f ms, mean time to stop the world %.3f ms;\n"
         "       medians of %d runs, %zu M allocations per thread)\n",
         (unsigned long long)s.collections, s.pause_total_ns / 1e6 / (double)(s.collections ? s.collections : 1),
         s.pause_max_ns / 1e6, w.total_sync_ns / 1e6 / (double)(w.stops ? w.stops : 1), REPS, per_thread >> 20);
  return 0;
}

/* ---- heap ---- */

static int bench_heap(void) {
  enum { N = 10000000 };
  cell32 *head = NULL;
  WF_GC_ROOT(head);
  uint64_t t0 = wf_time_ns();
  for (uint64_t i = 0; i < N; i++) {
    head = cell_new(head, i);
    if ((i & 4095) == 0) WF_SAFEPOINT_POLL();
  }
  double build_s = (wf_time_ns() - t0) / 1e9;
  double pauses[REPS];
  for (int r = 0; r < REPS; r++) {
    wf_gc_collect();
    wf_gc_stats s;
    wf_gc_get_stats(&s);
    pauses[r] = s.pause_last_ns / 1e6;
    if (s.live_objects != N) {
      fprintf(stderr, "heap: %llu live objects, want %d\n", (unsigned long long)s.live_objects, N);
      return 1;
    }
  }
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  double rss = ru.ru_maxrss * 1024.0, payload = (double)N * sizeof(cell32);
  printf("heap   10M live 32-byte objects: build %.2f s, stop-the-world pause %.1f ms (median of %d)\n", build_s,
         median(pauses, REPS), REPS);
  printf("heap   peak RSS %.0f MiB for %.0f MiB payload: %.3fx (target <= 1.25x)\n", rss / 1048576, payload / 1048576,
         rss / payload);
  return 0;
}

int main(int argc, char **argv) {
  const char *trig = getenv("WEFT_BENCH_TRIGGER_MB");
  tobj_init_with_trigger(trig ? (size_t)atoi(trig) << 20 : 0);
  if (argc > 1 && !strcmp(argv[1], "alloc")) return bench_alloc();
  if (argc > 1 && !strcmp(argv[1], "heap")) return bench_heap();
  /* Each part in its own process: peak RSS must not mix. */
  char cmd[4200];
  int rc = 0;
  const char *parts[] = {"alloc", "heap"};
  for (int i = 0; i < 2; i++) {
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n < 0) return 1;
    exe[n] = 0;
    snprintf(cmd, sizeof cmd, "'%s' %s", exe, parts[i]);
    fflush(stdout);
    rc |= system(cmd);
  }
  return rc ? 1 : 0;
}
