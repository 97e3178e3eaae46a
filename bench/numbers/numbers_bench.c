/* int / float / complex operations through the runtime's protocol functions
 * (as the interpreter will call them), timed per operation. Prints
 * "op size seconds" lines; bench_py.py prints the same for python3.11 and
 * run.sh shows the ratios. Each iteration polls a safepoint so that the
 * garbage produced is collected as in a real program. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "errors.h"
#include "floatobject.h"
#include "int.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "thread.h"
#include "typeobject.h"

static double min_time = 0.3;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static volatile PyObject *sink;

#define BENCH(label, size, expr)                                                   \
  do {                                                                             \
    long reps = 0, batch = 64;                                                     \
    double t0 = now(), t;                                                          \
    for (;;) {                                                                     \
      for (long i_ = 0; i_ < batch; i_++) {                                        \
        sink = (expr);                                                             \
        if (!sink) {                                                               \
          fprintf(stderr, "%s failed\n", label);                                   \
          exit(1);                                                                 \
        }                                                                          \
        WF_SAFEPOINT_POLL();                                                       \
      }                                                                            \
      reps += batch;                                                               \
      t = now() - t0;                                                              \
      if (t >= min_time) break;                                                    \
      if (t < min_time / 8) batch *= 2;                                            \
    }                                                                              \
    printf("%s %d %.12f\n", label, (int)(size), t / (double)reps);                 \
    fflush(stdout);                                                                \
  } while (0)

static PyObject *pow10_plus(int digits, int add) {
  PyObject *p = wf_int_pow(WF_INT_SMALL(10), wf_int_from_int64(digits - 1), NULL);
  p = wf_int_mul(p, wf_int_from_int64(7));
  return wf_int_add(p, wf_int_from_int64(add));
}

int main(int argc, char **argv) {
  if (argc > 1) min_time = atof(argv[1]);
  wf_runtime_init();
  PyTypeObject *types[] = {&wf_int_type, &wf_bool_type, &wf_float_type, &wf_complex_type};
  for (int i = 0; i < 4; i++) wf_type_ready(types[i]);
  wf_int_set_max_str_digits(0);
  static PyObject *a, *b, *f, *g, *c1, *c2, *s_int, *s_float, *spec_f, *spec_d, *big[3][2];
  void **roots[] = {(void **)&a, (void **)&b, (void **)&f, (void **)&g, (void **)&c1, (void **)&c2,
                    (void **)&s_int, (void **)&s_float, (void **)&spec_f, (void **)&spec_d};
  for (size_t i = 0; i < sizeof roots / sizeof roots[0]; i++) wf_gc_add_global_root(roots[i]);
  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 2; j++) wf_gc_add_global_root((void **)&big[i][j]);
  a = wf_int_from_int64(123456);
  b = wf_int_from_int64(789);
  f = wf_float_from_double(3.14159);
  g = wf_float_from_double(2.71828);
  c1 = wf_complex_from_doubles(1.5, -2.5);
  c2 = wf_complex_from_doubles(0.5, 3.0);
  s_int = wf_str_from_cstr("123456789");
  s_float = wf_str_from_cstr("3.14159");
  spec_f = wf_str_from_cstr(".3f");
  spec_d = wf_str_from_cstr(",");

  BENCH("int_add", 1, wf_number_binop(a, b, WF_BINOP_ADD));
  BENCH("int_mul", 1, wf_number_binop(a, b, WF_BINOP_MUL));
  BENCH("int_floordiv", 1, wf_number_binop(a, b, WF_BINOP_FLOORDIV));
  BENCH("int_mod", 1, wf_number_binop(a, b, WF_BINOP_MOD));
  BENCH("int_lshift", 1, wf_number_binop(a, WF_INT_SMALL(10), WF_BINOP_LSHIFT));
  BENCH("int_and", 1, wf_number_binop(a, b, WF_BINOP_AND));
  BENCH("int_lt", 1, wf_object_richcompare(a, b, Py_LT));
  BENCH("int_pow", 1, wf_number_binop(WF_INT_SMALL(3), WF_INT_SMALL(20), WF_BINOP_POW));
  BENCH("int_hash", 1, wf_int_from_ssize(wf_object_hash(a)));
  BENCH("int_repr", 1, wf_object_repr(a));
  BENCH("int_parse", 1, wf_call_one((PyObject *)&wf_int_type, s_int));
  BENCH("int_format", 1, wf_object_format(a, spec_d));
  BENCH("int_add_float", 1, wf_number_binop(a, f, WF_BINOP_ADD));
  BENCH("float_add", 1, wf_number_binop(f, g, WF_BINOP_ADD));
  BENCH("float_mul", 1, wf_number_binop(f, g, WF_BINOP_MUL));
  BENCH("float_div", 1, wf_number_binop(f, g, WF_BINOP_TRUEDIV));
  BENCH("float_floordiv", 1, wf_number_binop(f, g, WF_BINOP_FLOORDIV));
  BENCH("float_lt", 1, wf_object_richcompare(f, g, Py_LT));
  BENCH("float_repr", 1, wf_object_repr(f));
  BENCH("float_format", 1, wf_object_format(f, spec_f));
  BENCH("float_parse", 1, wf_call_one((PyObject *)&wf_float_type, s_float));
  BENCH("complex_mul", 1, wf_number_binop(c1, c2, WF_BINOP_MUL));
  BENCH("complex_div", 1, wf_number_binop(c1, c2, WF_BINOP_TRUEDIV));
  /* Two-digit ints (2**40 scale): still the int64 fast path. */
  a = wf_int_from_int64((int64_t)1 << 40 | 12345);
  b = wf_int_from_int64((int64_t)1 << 39 | 777);
  BENCH("int_add", 2, wf_number_binop(a, b, WF_BINOP_ADD));
  BENCH("int_mul", 2, wf_number_binop(a, b, WF_BINOP_MUL));
  BENCH("int_floordiv", 2, wf_number_binop(a, b, WF_BINOP_FLOORDIV));
  int sizes[3] = {100, 1000, 10000};
  for (int i = 0; i < 3; i++) {
    big[i][0] = pow10_plus(sizes[i], 12345);
    big[i][1] = pow10_plus(sizes[i] / 2, 999);
    BENCH("big_add", sizes[i], wf_number_binop(big[i][0], big[i][0], WF_BINOP_ADD));
    BENCH("big_mul", sizes[i], wf_number_binop(big[i][0], big[i][0], WF_BINOP_MUL));
    BENCH("big_floordiv", sizes[i], wf_number_binop(big[i][0], big[i][1], WF_BINOP_FLOORDIV));
    BENCH("big_repr", sizes[i], wf_object_repr(big[i][0]));
  }
  return 0;
}
