/* Direct checks of the C contract in int.h / float.h (conversions, small-int
 * identity, overflow errors, exact comparison) and a thread test: several
 * threads do mixed int/float arithmetic (fast path and big ints) with
 * safepoint polls, so collections run while other threads compute. */
#include <math.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include "dict.h"
#include "errors.h"
#include "floatobject.h"
#include "int.h"
#include "numbers_shim.h"
#include "protocol.h"
#include "str.h"
#include "thread.h"
#include "tuple.h"
#include "typeobject.h"

static int failures;
#define CHECK(cond)                                                        \
  do {                                                                     \
    if (!(cond)) {                                                         \
      fprintf(stderr, "numbers contract: %s:%d: %s\n", __FILE__, __LINE__, #cond); \
      failures++;                                                          \
    }                                                                      \
  } while (0)

static bool err_is(PyTypeObject *t, const char *msg) {
  PyObject *e = wf_err_fetch();
  if (!e || WF_TYPE(e) != t) return false;
  PyObject *s = wf_object_str(e);
  if (!s) {
    wf_err_clear();
    return false;
  }
  return wf_str_equal_cstr(s, msg);
}

static bool repr_is(PyObject *o, const char *text) {
  if (!o) {
    wf_err_clear();
    return false;
  }
  PyObject *r = wf_object_repr(o);
  if (!r) {
    wf_err_clear();
    return false;
  }
  return wf_str_equal_cstr(r, text);
}

int wf_numtest_contract(void) {
  failures = 0;
  /* Locals that live across safepoints (err_is / repr_is call str()). */
  PyObject *big = NULL, *bigm = NULL, *x = NULL, *huge = NULL, *p53 = NULL, *f = NULL, *p700 = NULL;
  WF_GC_ROOT(big);
  WF_GC_ROOT(bigm);
  WF_GC_ROOT(x);
  WF_GC_ROOT(huge);
  WF_GC_ROOT(p53);
  WF_GC_ROOT(f);
  WF_GC_ROOT(p700);
  /* Small ints are the static objects; results that are small ints too. */
  CHECK(wf_int_from_int64(5) == WF_INT_SMALL(5));
  CHECK(wf_int_from_int64(-5) == WF_INT_SMALL(-5));
  CHECK(wf_int_from_int64(256) == WF_INT_SMALL(256));
  CHECK(wf_int_from_int64(257) != wf_int_from_int64(257));
  big = wf_int_from_string("100000000000000000000000", 24, 10);
  bigm = wf_int_from_string("99999999999999999999999", 23, 10);
  CHECK(wf_int_sub(big, bigm) == WF_INT_SMALL(1));
  CHECK(WF_SIZE(WF_INT_SMALL(0)) == 0 && WF_SIZE(WF_INT_SMALL(-3)) == -1);
  /* Layout: 30-bit digits, signed ob_size. */
  x = wf_int_from_int64(-((int64_t)1 << 40) - 7);
  CHECK(WF_SIZE(x) == -2);
  CHECK(((PyLongObject *)x)->ob_digit[0] == ((1u << 30) - 7 + 7 - 7 + 0 == 0 ? 0 : (((uint64_t)1 << 40) + 7) & ((1u << 30) - 1)));
  CHECK(((PyLongObject *)x)->ob_digit[1] == (((uint64_t)1 << 40) + 7) >> 30);
  /* Conversions. */
  int64_t v;
  CHECK(wf_int_as_int64(wf_int_from_int64(INT64_MIN), &v) == 0 && v == INT64_MIN);
  CHECK(wf_int_as_int64(wf_int_from_int64(INT64_MAX), &v) == 0 && v == INT64_MAX);
  CHECK(wf_int_as_int64(big, &v) == -1 && err_is(&wf_OverflowError_type, "Python int too large to convert to C long"));
  CHECK(wf_int_as_ssize(big) == -1 && err_is(&wf_OverflowError_type, "Python int too large to convert to C ssize_t"));
  CHECK(repr_is(wf_int_from_uint64(UINT64_MAX), "18446744073709551615"));
  CHECK(repr_is(wf_int_from_ssize(-1234567890123), "-1234567890123"));
  CHECK(wf_int_as_double(big) == 1e23);
  huge = wf_int_pow(WF_INT_SMALL(10), wf_int_from_int64(400), NULL);
  CHECK(wf_int_as_double(huge) == -1.0 && err_is(&wf_OverflowError_type, "int too large to convert to float"));
  CHECK(repr_is(wf_int_from_double(-1e20), "-100000000000000000000"));
  CHECK(repr_is(wf_int_from_double(2.5), "2"));
  CHECK(!wf_int_from_double(INFINITY) && err_is(&wf_OverflowError_type, "cannot convert float infinity to integer"));
  CHECK(!wf_int_from_double(NAN) && err_is(&wf_ValueError_type, "cannot convert float NaN to integer"));
  CHECK(repr_is(wf_int_from_string(" -1_000 ", 8, 10), "-1000"));
  CHECK(repr_is(wf_int_from_string("0x_ff", 5, 0), "255"));
  CHECK(repr_is(wf_int_from_string("\xd9\xa1\xd9\xa2", 4, 10), "12")); /* Arabic-Indic digits */
  CHECK(!wf_int_from_string("12a", 3, 10) && err_is(&wf_ValueError_type, "invalid literal for int() with base 10: '12a'"));
  CHECK(wf_int_sign(bigm) == 1 && wf_int_sign(WF_INT_SMALL(0)) == 0 && wf_int_sign(wf_int_neg(big)) == -1);
  /* Exact int/float comparison. */
  p53 = wf_int_from_int64(((int64_t)1 << 53) + 1);
  CHECK(wf_int_compare_double(p53, 9007199254740992.0) == 1);
  CHECK(wf_int_compare_double(wf_int_from_int64((int64_t)1 << 53), 9007199254740992.0) == 0);
  CHECK(wf_int_compare_double(huge, INFINITY) == -1 && wf_int_compare_double(huge, 1e308) == 1);
  CHECK(wf_int_compare_double(WF_INT_SMALL(1), NAN) == 2);
  CHECK(wf_int_compare_double(wf_int_neg(p53), -9007199254740992.5) == 0 ||
        wf_int_compare_double(wf_int_neg(p53), -9007199254740992.0) == -1);
  /* float contract. */
  f = wf_float_from_double(2.5);
  CHECK(wf_float_as_double(f) == 2.5 && wf_float_value(f) == 2.5);
  CHECK(wf_float_as_double(WF_INT_SMALL(7)) == 7.0);
  CHECK(wf_float_as_double(WF_NONE) == -1.0 && err_is(&wf_TypeError_type, "must be real number, not NoneType"));
  CHECK(repr_is(wf_float_from_string(" 1_5.5e1 ", 9), "155.0"));
  CHECK(repr_is(wf_complex_from_doubles(1.0, -2.0), "(1-2j)"));
  /* sys.set_int_max_str_digits is a runtime variable. */
  int saved = wf_int_get_max_str_digits();
  wf_int_set_max_str_digits(640);
  p700 = wf_int_pow(WF_INT_SMALL(10), wf_int_from_int64(700), NULL);
  CHECK(!wf_object_repr(p700) &&
        err_is(&wf_ValueError_type, "Exceeds the limit (640 digits) for integer string conversion; use "
                                    "sys.set_int_max_str_digits() to increase the limit"));
  wf_int_set_max_str_digits(saved);
  CHECK(wf_object_repr(p700) != NULL);
  /* hash(nan) is the object's identity hash in 3.11: equal for one object,
   * different for two. */
  f = wf_float_from_double(NAN);
  PyObject *f2 = wf_float_from_double(NAN);
  CHECK(wf_object_hash(f) == wf_object_hash(f) && wf_object_hash(f) != wf_object_hash(f2));
  /* bool. */
  CHECK(repr_is(WF_TRUE, "True") && repr_is(WF_FALSE, "False"));
  CHECK(wf_int_check(WF_TRUE) && !wf_int_check_exact(WF_TRUE) && wf_bool_check(WF_FALSE));
  CHECK(wf_bool_from(3 > 2) == WF_TRUE);
  return failures;
}

/* ---- threads ---- */

typedef struct {
  int iters;
  atomic_int bad;
} tctx;

static void worker(void *arg) {
  tctx *c = arg;
  PyObject *acc = WF_INT_SMALL(0), *b = NULL, *fl = NULL;
  WF_GC_ROOT(acc);
  WF_GC_ROOT(b);
  WF_GC_ROOT(fl);
  b = wf_int_pow(WF_INT_SMALL(3), wf_int_from_int64(200), NULL);
  int64_t expect = 0;
  for (int i = 0; i < c->iters; i++) {
    /* acc = acc + i ; through a big temporary: (acc + b + i) - b */
    PyObject *t = wf_number_binop(acc, b, WF_BINOP_ADD);
    WF_GC_ROOT(t);
    WF_SAFEPOINT_POLL();
    t = wf_number_binop(t, wf_int_from_int64(i), WF_BINOP_ADD);
    WF_SAFEPOINT_POLL();
    acc = wf_number_binop(t, b, WF_BINOP_SUB);
    fl = wf_number_binop(acc, wf_float_from_double(0.5), WF_BINOP_MUL);
    WF_SAFEPOINT_POLL();
    expect += i;
    if (wf_float_value(fl) != (double)expect * 0.5) atomic_fetch_add(&c->bad, 1);
    if ((i & 1023) == 0) wf_gc_collect();
  }
  int64_t v;
  if (wf_int_as_int64(acc, &v) < 0 || v != expect) atomic_fetch_add(&c->bad, 1);
}

int wf_numtest_threads(int nthreads, int iters) {
  tctx c = {.iters = iters};
  wf_os_thread_t th[16];
  for (int i = 0; i < nthreads; i++) wf_thread_start(&th[i], worker, &c);
  for (int i = 0; i < nthreads; i++) wf_thread_join(th[i]);
  return atomic_load(&c.bad);
}

/* ---- Classes made with type(): int subclasses and the __index__ /
 * __trunc__ / __float__ / __complex__ fallbacks of int(), float(),
 * complex(). The special methods are builtin functions in the class dict
 * (no interpreter yet); they accept the instance or nothing. */

static PyObject *ret_42(PyObject *self, PyObject *args) { return wf_int_from_int64(42); }
static PyObject *ret_7(PyObject *self, PyObject *args) { return wf_int_from_int64(7); }
static PyObject *ret_2_5(PyObject *self, PyObject *args) { return wf_float_from_double(2.5); }
static PyObject *ret_c(PyObject *self, PyObject *args) { return wf_complex_from_doubles(1.0, 2.0); }
static PyMethodDef def_index = {"__index__", ret_42, METH_VARARGS, NULL};
static PyMethodDef def_trunc = {"__trunc__", ret_7, METH_VARARGS, NULL};
static PyMethodDef def_float = {"__float__", ret_2_5, METH_VARARGS, NULL};
static PyMethodDef def_complex = {"__complex__", ret_c, METH_VARARGS, NULL};

static PyObject *make_class(const char *name, PyObject *base, PyMethodDef *m) {
  PyObject *d = wf_dict_new();
  WF_GC_ROOT(d);
  if (m && wf_dict_setitem_cstr(d, m->ml_name, wf_cfunction_new(m, NULL, NULL)) < 0) return NULL;
  PyObject *bases = base ? wf_tuple_pack(1, base) : wf_tuple_new(0);
  WF_GC_ROOT(bases);
  PyObject *n = wf_str_from_cstr(name);
  WF_GC_ROOT(n);
  return wf_type_new(&wf_type_type, n, bases, d, NULL);
}

static PyObject *call1(PyObject *f, PyObject *a) { return wf_call_one(f, a); }

int wf_numtest_classes(void) {
  failures = 0;
  PyObject *cls = NULL, *obj = NULL, *r = NULL;
  WF_GC_ROOT(cls);
  WF_GC_ROOT(obj);
  WF_GC_ROOT(r);
  /* class MyInt(int): pass */
  cls = make_class("MyInt", (PyObject *)&wf_int_type, NULL);
  CHECK(cls != NULL);
  if (!cls) {
    wf_err_clear();
    return failures;
  }
  obj = call1(cls, wf_str_from_cstr(" 1_234 "));
  CHECK(obj && WF_TYPE(obj) == (PyTypeObject *)cls && repr_is(obj, "1234"));
  r = wf_number_binop(obj, WF_INT_SMALL(1), WF_BINOP_ADD);
  CHECK(r && wf_int_check_exact(r) && repr_is(r, "1235"));
  CHECK(repr_is(wf_number_positive(obj), "1234") && wf_int_check_exact(wf_number_positive(obj)));
  CHECK(repr_is(wf_object_format(obj, wf_str_from_cstr("x")), "'4d2'"));
  CHECK(wf_object_hash(obj) == 1234);
  obj = wf_call((PyObject *)cls, NULL, 0, NULL);
  CHECK(obj && WF_TYPE(obj) == (PyTypeObject *)cls && WF_SIZE(obj) == 0);
  /* class MyFloat(float) */
  cls = make_class("MyFloat", (PyObject *)&wf_float_type, NULL);
  obj = cls ? call1(cls, wf_str_from_cstr("2.5")) : NULL;
  CHECK(obj && WF_TYPE(obj) == (PyTypeObject *)cls && repr_is(obj, "2.5"));
  CHECK(obj && repr_is(wf_number_binop(obj, obj, WF_BINOP_MUL), "6.25"));
  /* __index__ */
  cls = make_class("Idx", NULL, &def_index);
  obj = cls ? wf_call_noargs(cls) : NULL;
  CHECK(obj && repr_is(call1((PyObject *)&wf_int_type, obj), "42"));
  CHECK(obj && repr_is(call1((PyObject *)&wf_float_type, obj), "42.0"));
  CHECK(obj && repr_is(call1((PyObject *)&wf_complex_type, obj), "(42+0j)"));
  wf_err_clear();
  /* __trunc__ */
  cls = make_class("Tr", NULL, &def_trunc);
  obj = cls ? wf_call_noargs(cls) : NULL;
  CHECK(obj && repr_is(call1((PyObject *)&wf_int_type, obj), "7"));
  /* __float__ */
  cls = make_class("Fl", NULL, &def_float);
  obj = cls ? wf_call_noargs(cls) : NULL;
  CHECK(obj && repr_is(call1((PyObject *)&wf_float_type, obj), "2.5"));
  CHECK(obj && repr_is(call1((PyObject *)&wf_complex_type, obj), "(2.5+0j)"));
  CHECK(obj && wf_float_as_double(obj) == 2.5);
  /* __complex__ */
  cls = make_class("Cx", NULL, &def_complex);
  obj = cls ? wf_call_noargs(cls) : NULL;
  CHECK(obj && repr_is(call1((PyObject *)&wf_complex_type, obj), "(1+2j)"));
  /* A class with none of them. */
  cls = make_class("Plain", NULL, NULL);
  obj = cls ? wf_call_noargs(cls) : NULL;
  CHECK(obj && !call1((PyObject *)&wf_int_type, obj) &&
        err_is(&wf_TypeError_type,
               "int() argument must be a string, a bytes-like object or a real number, not 'Plain'"));
  wf_err_clear();
  return failures;
}
