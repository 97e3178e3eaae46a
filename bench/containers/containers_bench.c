/* list.sort and set operations through the runtime; prints "name seconds"
 * lines that run.sh compares with bench_py.py under python3.11. */
#include <stdio.h>
#include <stdlib.h>

#include "errors.h"
#include "int.h"
#include "list.h"
#include "protocol.h"
#include "runtime.h"
#include "set.h"
#include "str.h"
#include "thread.h"

static double now(void) { return (double)wf_time_ns() / 1e9; }

static unsigned long long rng = 88172645463325252ULL;
static unsigned long long next_rand(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}

static PyObject *int_list(int n) {
  PyObject *l = wf_list_new(0);
  for (int i = 0; i < n; i++) wf_list_append(l, wf_int_from_int64((int64_t)(next_rand() % 1000000000ULL)));
  return l;
}

#define TIME(name, reps, body)                                      \
  do {                                                              \
    double best = 1e9;                                              \
    for (int r_ = 0; r_ < (reps); r_++) {                           \
      double t0_ = now();                                           \
      body;                                                         \
      double t_ = now() - t0_;                                      \
      if (t_ < best) best = t_;                                     \
    }                                                               \
    printf("%s %.6f\n", name, best);                                \
  } while (0)

int main(void) {
  wf_runtime_init();
  const int N = 1000000;
  PyObject *base = int_list(N), *l = NULL, *strs = NULL, *a = NULL, *b = NULL, *r = NULL;
  WF_GC_ROOT(base);
  WF_GC_ROOT(l);
  WF_GC_ROOT(strs);
  WF_GC_ROOT(a);
  WF_GC_ROOT(b);
  WF_GC_ROOT(r);
  TIME("sort_int_random_1M", 3, {
    l = wf_list_get_slice(base, 0, N);
    wf_list_sort(l, NULL, false);
  });
  TIME("sort_int_sorted_1M", 3, { wf_list_sort(l, NULL, false); });
  strs = wf_list_new(0);
  for (int i = 0; i < 200000; i++) {
    char buf[32];
    snprintf(buf, sizeof buf, "k%llu", next_rand() % 100000000ULL);
    wf_list_append(strs, wf_str_from_cstr(buf));
  }
  TIME("sort_str_200k", 3, {
    l = wf_list_get_slice(strs, 0, 200000);
    wf_list_sort(l, NULL, false);
  });
  a = wf_set_new(wf_list_get_slice(base, 0, 200000));
  b = wf_set_new(wf_list_get_slice(base, 100000, 300000));
  TIME("set_build_200k", 3, { r = wf_set_new(wf_list_get_slice(base, 0, 200000)); });
  TIME("set_union_200k", 3, { r = wf_number_binop(a, b, WF_BINOP_OR); });
  TIME("set_intersection_200k", 3, { r = wf_number_binop(a, b, WF_BINOP_AND); });
  TIME("set_difference_200k", 3, { r = wf_number_binop(a, b, WF_BINOP_SUB); });
  TIME("set_contains_1M", 3, {
    for (int i = 0; i < N; i++) wf_set_contains(a, wf_list_get(base, i));
  });
  return 0;
}
