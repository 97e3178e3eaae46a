/* bigint_bench — times wf_bigint multiply / divide / str conversion at
 * 1k, 10k and 100k decimal digits. Prints "op digits seconds_per_op" lines;
 * bench/bigint/run.sh runs this and bench_py.py (same operations on
 * python3.11) and prints the ratios. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "wf_bigint.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static uint64_t rng = 88172645463325252ull;
static uint32_t rnd30(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (uint32_t)rng & WF_BIGINT_MASK;
}

/* n random digits with a non-zero top */
static uint32_t *rand_mag(size_t n) {
  uint32_t *d = malloc((n + 1) * sizeof *d);
  for (size_t i = 0; i < n; i++) d[i] = rnd30();
  d[n - 1] |= 1u << 29;
  return d;
}

#define TIME(label, digits, body)                                       \
  do {                                                                  \
    double t0 = now(), t;                                               \
    long reps = 0;                                                      \
    do {                                                                \
      body;                                                             \
      reps++;                                                           \
    } while ((t = now() - t0) < min_time);                              \
    printf("%s %zu %.9f\n", label, (size_t)(digits), t / (double)reps); \
    fflush(stdout);                                                     \
  } while (0)

int main(int argc, char **argv) {
  double min_time = argc > 1 ? atof(argv[1]) : 0.3;
  size_t decs[] = {1000, 10000, 100000};
  for (int k = 0; k < 3; k++) {
    size_t dec = decs[k];
    size_t n = (size_t)((double)dec * 3.3219280948873622 / 30.0) + 1; /* digits of a dec-digit int */
    uint32_t *a = rand_mag(n), *b = rand_mag(n);
    uint32_t *p = malloc((2 * n + 2) * sizeof *p);
    size_t np;
    TIME("mul", dec, wf_bigint_mul(p, &np, a, n, b, n));
    /* p = a*b (2n digits) divided by b */
    wf_bigint_mul(p, &np, a, n, b, n);
    uint32_t *q = malloc((np - n + 2) * sizeof *q), *r = malloc((n + 1) * sizeof *r);
    size_t nq, nr;
    TIME("divmod", dec, wf_bigint_divrem(q, &nq, r, &nr, p, np, b, n));
    size_t cap = wf_bigint_to_str_size(a, (ptrdiff_t)n, 10);
    char *s = malloc(cap + 1);
    size_t ns;
    TIME("str", dec, wf_bigint_to_str(s, &ns, a, (ptrdiff_t)n, 10, 0));
    uint32_t *x = malloc((wf_bigint_from_str_size(ns, 10) + 1) * sizeof *x);
    ptrdiff_t sx;
    TIME("int", dec, wf_bigint_from_str(x, &sx, s, ns, 10, 0, NULL));
    if (sx != (ptrdiff_t)n || memcmp(x, a, n * sizeof *a) != 0) {
      fprintf(stderr, "round trip failed at %zu digits\n", dec);
      return 1;
    }
    free(a), free(b), free(p), free(q), free(r), free(s), free(x);
  }
  return 0;
}
