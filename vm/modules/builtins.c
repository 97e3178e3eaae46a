/* The builtins module: its functions (the ones about frames, code and
 * classes are in builtins_exec.c), types, constants and exceptions. */
#include <string.h>

#include "builtins_internal.h"
#include "bytes.h"
#include "dict.h"
#include "errors.h"
#include "floatobject.h"
#include "exceptions.h"
#include "funcobject.h"
#include "gen.h"
#include "int.h"
#include "iterobject.h"
#include "list.h"
#include "memoryview.h"
#include "module.h"
#include "modules.h"
#include "protocol.h"
#include "range.h"
#include "runtime.h"
#include "set.h"
#include "slice.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"

/* ---- Argument helpers ---- */

int wf_builtins_kwonly(const char *fname, PyObject *const *kwvalues, PyObject *kwnames, const char *const *names,
                       PyObject **out) {
  Py_ssize_t n = 0;
  while (names[n]) out[n++] = NULL;
  Py_ssize_t nkw = kwnames ? WF_SIZE(kwnames) : 0;
  for (Py_ssize_t k = 0; k < nkw; k++) {
    PyObject *kn = WF_TUPLE_GET(kwnames, k);
    Py_ssize_t i = 0;
    while (i < n && !wf_str_equal_cstr(kn, names[i])) i++;
    if (i == n) {
      wf_err_format(&wf_TypeError_type, "'%U' is an invalid keyword argument for %s()", kn, fname);
      return -1;
    }
    out[i] = kwvalues[k];
  }
  return 0;
}

int wf_builtins_clinic(const char *fname, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                       const char *const *names, Py_ssize_t maxpos, Py_ssize_t min, PyObject **out) {
  Py_ssize_t n = 0;
  while (names[n]) n++;
  Py_ssize_t nkw = kwnames ? WF_SIZE(kwnames) : 0;
  if (nargs + nkw > n) {
    wf_err_format(&wf_TypeError_type, "%s() takes at most %zd argument%s (%zd given)", fname, n, n == 1 ? "" : "s",
                  nargs + nkw);
    return -1;
  }
  if (nargs > maxpos) {
    wf_err_format(&wf_TypeError_type, "%s() takes at most %zd positional argument%s (%zd given)", fname, maxpos,
                  maxpos == 1 ? "" : "s", nargs);
    return -1;
  }
  Py_ssize_t used = 0;
  for (Py_ssize_t i = 0; i < n; i++) {
    out[i] = NULL;
    if (i < nargs) {
      out[i] = args[i];
      continue;
    }
    for (Py_ssize_t k = 0; k < nkw; k++)
      if (wf_str_equal_cstr(WF_TUPLE_GET(kwnames, k), names[i])) {
        out[i] = args[nargs + k];
        used++;
        break;
      }
    if (!out[i] && i < min) {
      wf_err_format(&wf_TypeError_type, "%s() missing required argument '%s' (pos %zd)", fname, names[i], i + 1);
      return -1;
    }
  }
  if (used == nkw) return 0;
  for (Py_ssize_t i = 0; i < nargs; i++)
    for (Py_ssize_t k = 0; k < nkw; k++)
      if (wf_str_equal_cstr(WF_TUPLE_GET(kwnames, k), names[i])) {
        wf_err_format(&wf_TypeError_type, "argument for %s() given by name ('%s') and position (%zd)", fname, names[i],
                      i + 1);
        return -1;
      }
  for (Py_ssize_t k = 0; k < nkw; k++) {
    PyObject *kn = WF_TUPLE_GET(kwnames, k);
    Py_ssize_t i = 0;
    while (i < n && !wf_str_equal_cstr(kn, names[i])) i++;
    if (i == n) {
      wf_err_format(&wf_TypeError_type, "'%U' is an invalid keyword argument for %s()", kn, fname);
      return -1;
    }
  }
  return 0;
}

PyObject *wf_builtins_lookup_special(PyObject *o, PyObject *name) {
  PyObject *f = wf_type_lookup(WF_TYPE(o), name);
  if (!f) return NULL;
  descrgetfunc get = WF_TYPE(f)->tp_descr_get;
  if (!get) return f;
  return get(f, o, (PyObject *)WF_TYPE(o));
}

#define FAST(f) ((PyCFunction)(void (*)(void))(f))

static int check_attr_name(PyObject *name) {
  if (wf_str_check(name)) return 0;
  wf_err_format(&wf_TypeError_type, "attribute name must be string, not '%.200s'", WF_TYPE(name)->tp_name);
  return -1;
}

/* ---- Simple functions ---- */

static PyObject *b_abs(PyObject *m, PyObject *o) { return wf_number_absolute(o); }

static PyObject *anyall(PyObject *o, int want) {
  PyObject *it = wf_object_getiter(o);
  WF_GC_ROOT(it);
  if (!it) return NULL;
  iternextfunc next = WF_TYPE(it)->tp_iternext;
  for (;;) {
    PyObject *x = next(it);
    if (!x) break;
    int t = wf_object_is_true(x);
    if (t < 0) return NULL;
    if (t == want) return wf_bool_from(want);
  }
  if (wf_err_occurred()) {
    if (!wf_err_matches(&wf_StopIteration_type)) return NULL;
    wf_err_clear();
  }
  return wf_bool_from(!want);
}
static PyObject *b_all(PyObject *m, PyObject *o) { return anyall(o, 0); }
static PyObject *b_any(PyObject *m, PyObject *o) { return anyall(o, 1); }

static PyObject *b_ascii(PyObject *m, PyObject *o) { return wf_object_ascii(o); }
static PyObject *b_repr(PyObject *m, PyObject *o) { return wf_object_repr(o); }

static PyObject *to_base(PyObject *o, int base) {
  PyObject *i = wf_number_index(o);
  if (!i) return NULL;
  return wf_int_to_base_str(i, base);
}
static PyObject *b_bin(PyObject *m, PyObject *o) { return to_base(o, 2); }
static PyObject *b_oct(PyObject *m, PyObject *o) { return to_base(o, 8); }
static PyObject *b_hex(PyObject *m, PyObject *o) { return to_base(o, 16); }

static PyObject *b_callable(PyObject *m, PyObject *o) { return wf_bool_from(wf_callable(o)); }

static PyObject *b_chr(PyObject *m, PyObject *o) {
  if (wf_float_check(o))
    return wf_err_format(&wf_TypeError_type, "'%.200s' object cannot be interpreted as an integer",
                         WF_TYPE(o)->tp_name);
  PyObject *i = wf_number_index(o);
  if (!i) return NULL;
  int64_t v;
  if (wf_int_as_int64(i, &v) < 0 || v < INT32_MIN || v > INT32_MAX) {
    wf_err_clear();
    return wf_err_set_string(&wf_OverflowError_type, "Python int too large to convert to C int");
  }
  if (v < 0 || v > 0x10ffff) return wf_err_set_string(&wf_ValueError_type, "chr() arg not in range(0x110000)");
  return wf_str_from_char((uint32_t)v);
}

static PyObject *b_ord(PyObject *m, PyObject *o) {
  Py_ssize_t n;
  if (wf_str_check(o)) {
    n = wf_str_length(o);
    if (n == 1) return wf_int_from_ssize(wf_str_read_char(o, 0));
  } else if (wf_bytes_check(o)) {
    n = wf_bytes_size(o);
    if (n == 1) return wf_int_from_ssize((unsigned char)wf_bytes_data(o)[0]);
  } else if (wf_bytearray_check(o)) {
    const char *data;
    PyObject *keep = NULL;
    WF_GC_ROOT(keep);
    if (wf_byteslike_view(o, &data, &n, &keep) < 0) return NULL;
    if (n == 1) return wf_int_from_ssize((unsigned char)data[0]);
  } else {
    return wf_err_format(&wf_TypeError_type, "ord() expected string of length 1, but %.200s found",
                         WF_TYPE(o)->tp_name);
  }
  return wf_err_format(&wf_TypeError_type, "ord() expected a character, but string of length %zd found", n);
}

static PyObject *b_hash(PyObject *m, PyObject *o) {
  Py_hash_t h = wf_object_hash(o);
  if (h == -1 && wf_err_occurred()) return NULL;
  return wf_int_from_ssize(h);
}

static PyObject *b_id(PyObject *m, PyObject *o) { return wf_int_from_uint64((uint64_t)(uintptr_t)o); }

static PyObject *b_len(PyObject *m, PyObject *o) {
  Py_ssize_t n = wf_object_length(o);
  if (n < 0) return NULL;
  return wf_int_from_ssize(n);
}

static PyObject *b_aiter(PyObject *m, PyObject *o) {
  PyTypeObject *t = WF_TYPE(o);
  if (!t->tp_as_async || !t->tp_as_async->am_aiter)
    return wf_err_format(&wf_TypeError_type, "'%.200s' object is not an async iterable", t->tp_name);
  PyObject *it = t->tp_as_async->am_aiter(o);
  if (!it) return NULL;
  PyTypeObject *it_t = WF_TYPE(it);
  if (!it_t->tp_as_async || !it_t->tp_as_async->am_anext)
    return wf_err_format(&wf_TypeError_type, "aiter() returned not an async iterator of type '%.100s'", it_t->tp_name);
  return it;
}

/* anext(it, default)'s awaitable: drives the awaitable it.__anext__()
 * returned and turns its StopAsyncIteration into StopIteration(default). */
typedef struct {
  PyObject ob_base;
  PyObject *wrapped, *default_value;
} anext_awaitable;

static void anext_awaitable_trace(void *o, wf_gc_tracer *t) {
  wf_gc_visit(t, ((anext_awaitable *)o)->wrapped);
  wf_gc_visit(t, ((anext_awaitable *)o)->default_value);
}

/* The iterator to forward to: the wrapped awaitable's __await__ iterator
 * (a coroutine has no __next__, so its own await iterator). */
static PyObject *anext_awaitable_iter(anext_awaitable *a) {
  PyObject *it = wf_coro_get_awaitable_iter(a->wrapped);
  if (!it || WF_TYPE(it)->tp_iternext) return it;
  WF_GC_ROOT(it);
  unaryfunc getter = WF_TYPE(it)->tp_as_async ? WF_TYPE(it)->tp_as_async->am_await : NULL;
  if (!getter) return wf_err_format(&wf_TypeError_type, "'%.100s' object is not an iterator", WF_TYPE(it)->tp_name);
  return getter(it);
}

static PyObject *anext_awaitable_result(anext_awaitable *a, PyObject *r) {
  if (r || !wf_err_matches(&wf_StopAsyncIteration_type)) return r;
  wf_err_clear();
  return wf_err_set_stop_iteration(a->default_value == WF_NONE ? NULL : a->default_value);
}

static PyObject *anext_awaitable_next(PyObject *self) {
  WF_GC_ROOT(self);
  PyObject *it = anext_awaitable_iter((anext_awaitable *)self);
  if (!it) return NULL;
  return anext_awaitable_result((anext_awaitable *)self, WF_TYPE(it)->tp_iternext(it));
}

static PyObject *anext_awaitable_proxy(PyObject *self, const char *meth, PyObject *const *args, size_t nargs) {
  WF_GC_ROOT(self);
  PyObject *it = anext_awaitable_iter((anext_awaitable *)self);
  if (!it) return NULL;
  return anext_awaitable_result((anext_awaitable *)self, wf_call_method_cstr(it, meth, args, nargs));
}

static PyObject *anext_awaitable_send(PyObject *self, PyObject *arg) {
  return anext_awaitable_proxy(self, "send", &arg, 1);
}
static PyObject *anext_awaitable_throw(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  return anext_awaitable_proxy(self, "throw", args, (size_t)nargs);
}
static PyObject *anext_awaitable_close(PyObject *self, PyObject *unused) {
  (void)unused;
  return anext_awaitable_proxy(self, "close", NULL, 0);
}
static PyObject *anext_awaitable_self(PyObject *self) { return self; }

static PyMethodDef anext_awaitable_methods[] = {
    {"send", (PyCFunction)anext_awaitable_send, METH_O, NULL},
    {"throw", (PyCFunction)(void (*)(void))anext_awaitable_throw, METH_FASTCALL, NULL},
    {"close", (PyCFunction)anext_awaitable_close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyAsyncMethods anext_awaitable_async = {.am_await = anext_awaitable_self};

PyTypeObject wf_anext_awaitable_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "anext_awaitable",
    .tp_basicsize = sizeof(anext_awaitable),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_as_async = &anext_awaitable_async,
    .tp_iter = anext_awaitable_self,
    .tp_iternext = anext_awaitable_next,
    .tp_methods = anext_awaitable_methods,
    .wf = {.trace = anext_awaitable_trace},
};
WF_REGISTER_TYPE(wf_anext_awaitable_type);

static PyObject *b_anext(PyObject *m, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("anext", nargs, 1, 2) < 0) return NULL;
  PyTypeObject *t = WF_TYPE(args[0]);
  if (!t->tp_as_async || !t->tp_as_async->am_anext)
    return wf_err_format(&wf_TypeError_type, "'%.200s' object is not an async iterator", t->tp_name);
  PyObject *awaitable = t->tp_as_async->am_anext(args[0]);
  if (!awaitable || nargs == 1) return awaitable;
  WF_GC_ROOT(awaitable);
  anext_awaitable *a = (anext_awaitable *)wf_object_alloc(&wf_anext_awaitable_type, sizeof(anext_awaitable));
  if (!a) return NULL;
  WF_GC_STORE(&a->wrapped, awaitable);
  WF_GC_STORE(&a->default_value, args[1]);
  return (PyObject *)a;
}

static PyObject *b_divmod(PyObject *m, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("divmod", nargs, 2, 2) < 0) return NULL;
  return wf_number_binop(args[0], args[1], WF_BINOP_DIVMOD);
}

static PyObject *b_format(PyObject *m, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("format", nargs, 1, 2) < 0) return NULL;
  if (nargs == 2 && !wf_str_check(args[1]))
    return wf_err_format(&wf_TypeError_type, "format() argument 2 must be str, not %.200s", WF_TYPE(args[1])->tp_name);
  return wf_object_format(args[0], nargs == 2 ? args[1] : NULL);
}

static PyObject *b_getattr(PyObject *m, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("getattr", nargs, 2, 3) < 0) return NULL;
  if (check_attr_name(args[1]) < 0) return NULL;
  if (nargs == 2) return wf_object_getattr(args[0], args[1]);
  PyObject *r;
  int k = wf_object_lookup_attr(args[0], args[1], &r);
  if (k < 0) return NULL;
  return k ? r : args[2];
}

static PyObject *b_hasattr(PyObject *m, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("hasattr", nargs, 2, 2) < 0) return NULL;
  if (check_attr_name(args[1]) < 0) return NULL;
  PyObject *r;
  int k = wf_object_lookup_attr(args[0], args[1], &r);
  if (k < 0) return NULL;
  return wf_bool_from(k);
}

static PyObject *b_setattr(PyObject *m, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("setattr", nargs, 3, 3) < 0) return NULL;
  if (check_attr_name(args[1]) < 0) return NULL;
  if (wf_object_setattr(args[0], args[1], args[2]) < 0) return NULL;
  return WF_NONE;
}

static PyObject *b_delattr(PyObject *m, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("delattr", nargs, 2, 2) < 0) return NULL;
  if (check_attr_name(args[1]) < 0) return NULL;
  if (wf_object_setattr(args[0], args[1], NULL) < 0) return NULL;
  return WF_NONE;
}

static PyObject *b_isinstance(PyObject *m, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("isinstance", nargs, 2, 2) < 0) return NULL;
  int r = wf_object_isinstance(args[0], args[1]);
  return r < 0 ? NULL : wf_bool_from(r);
}

static PyObject *b_issubclass(PyObject *m, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("issubclass", nargs, 2, 2) < 0) return NULL;
  int r = wf_object_issubclass(args[0], args[1]);
  return r < 0 ? NULL : wf_bool_from(r);
}

static PyObject *b_iter(PyObject *m, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("iter", nargs, 1, 2) < 0) return NULL;
  if (nargs == 1) return wf_object_getiter(args[0]);
  if (!wf_callable(args[0])) return wf_err_set_string(&wf_TypeError_type, "iter(v, w): v must be callable");
  return wf_calliter_new(args[0], args[1]);
}

static PyObject *b_next(PyObject *m, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("next", nargs, 1, 2) < 0) return NULL;
  iternextfunc f = WF_TYPE(args[0])->tp_iternext;
  if (!f) return wf_err_format(&wf_TypeError_type, "'%.200s' object is not an iterator", WF_TYPE(args[0])->tp_name);
  PyObject *r = f(args[0]);
  if (r) return r;
  if (wf_err_occurred()) {
    if (nargs < 2 || !wf_err_matches(&wf_StopIteration_type)) return NULL;
    wf_err_clear();
  }
  if (nargs == 2) return args[1];
  return wf_err_set_object(&wf_StopIteration_type, NULL);
}

static PyObject *b_pow(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  static const char *const names[] = {"base", "exp", "mod", NULL};
  PyObject *a[3];
  if (wf_builtins_clinic("pow", args, nargs, kwnames, names, 3, 2, a) < 0) return NULL;
  return wf_number_power(a[0], a[1], a[2] ? a[2] : WF_NONE);
}

static PyObject *b_round(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  static const char *const names[] = {"number", "ndigits", NULL};
  PyObject *a[2];
  if (wf_builtins_clinic("round", args, nargs, kwnames, names, 2, 1, a) < 0) return NULL;
  WF_GC_ROOT(a[1]);
  PyObject *meth = wf_builtins_lookup_special(a[0], WF_ID(__round__));
  WF_GC_ROOT(meth);
  if (!meth) {
    if (!wf_err_occurred())
      wf_err_format(&wf_TypeError_type, "type %.100s doesn't define __round__ method", WF_TYPE(a[0])->tp_name);
    return NULL;
  }
  if (!a[1] || a[1] == WF_NONE) return wf_call_noargs(meth);
  return wf_call_one(meth, a[1]);
}

/* sum(iterable, /, start=0) */
static PyObject *b_sum(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  static const char *const names[] = {"", "start", NULL};
  PyObject *a[2];
  if (nargs < 1)
    return wf_err_format(&wf_TypeError_type, "sum() takes at least 1 positional argument (%zd given)", nargs);
  if (wf_builtins_clinic("sum", args, nargs, kwnames, names, 2, 1, a) < 0) return NULL;
  PyObject *acc = a[1];
  if (!acc) {
    acc = wf_int_from_ssize(0);
  } else if (wf_str_check(acc)) {
    return wf_err_set_string(&wf_TypeError_type, "sum() can't sum strings [use ''.join(seq) instead]");
  } else if (wf_bytes_check(acc)) {
    return wf_err_set_string(&wf_TypeError_type, "sum() can't sum bytes [use b''.join(seq) instead]");
  } else if (wf_bytearray_check(acc)) {
    return wf_err_set_string(&wf_TypeError_type, "sum() can't sum bytearray [use b''.join(seq) instead]");
  }
  WF_GC_ROOT(acc);
  PyObject *it = wf_object_getiter(args[0]);
  WF_GC_ROOT(it);
  if (!it) return NULL;
  iternextfunc next = WF_TYPE(it)->tp_iternext;
  PyObject *x = NULL;
  WF_GC_ROOT(x);
  int64_t small = 0;
  for (;;) {
    x = next(it);
    if (!x) break;
    /* Exact small ints add in C (the result is the same int). */
    int64_t xv, av;
    if (wf_int_check_exact(x) && wf_int_check_exact(acc) && wf_int_small_value(x, &xv) &&
        wf_int_small_value(acc, &av) && !__builtin_add_overflow(av, xv, &small)) {
      acc = wf_int_from_int64(small);
      continue;
    }
    acc = wf_number_binop(acc, x, WF_BINOP_ADD);
    if (!acc) return NULL;
  }
  if (wf_err_occurred()) {
    if (!wf_err_matches(&wf_StopIteration_type)) return NULL;
    wf_err_clear();
  }
  return acc;
}

static PyObject *minmax(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames, int op, const char *name) {
  static const char *const names[] = {"key", "default", NULL};
  PyObject *kw[2] = {NULL, NULL};
  if (nargs == 0) return wf_err_format(&wf_TypeError_type, "%s expected at least 1 argument, got 0", name);
  if (kwnames && wf_builtins_kwonly(name, args + nargs, kwnames, names, kw) < 0) return NULL;
  PyObject *key = kw[0] == WF_NONE ? NULL : kw[0], *dflt = kw[1];
  WF_GC_ROOT(key);
  WF_GC_ROOT(dflt);
  if (nargs > 1 && dflt)
    return wf_err_format(&wf_TypeError_type, "Cannot specify a default for %s() with multiple positional arguments",
                         name);
  PyObject *seq = nargs == 1 ? args[0] : wf_tuple_from_array(args, nargs);
  WF_GC_ROOT(seq);
  PyObject *it = wf_object_getiter(seq);
  WF_GC_ROOT(it);
  if (!it) return NULL;
  iternextfunc next = WF_TYPE(it)->tp_iternext;
  PyObject *best = NULL, *bestkey = NULL, *x = NULL, *k = NULL;
  WF_GC_ROOT(best);
  WF_GC_ROOT(bestkey);
  WF_GC_ROOT(x);
  WF_GC_ROOT(k);
  while ((x = next(it))) {
    k = key ? wf_call_one(key, x) : x;
    if (!k) return NULL;
    if (!best) {
      best = x;
      bestkey = k;
      continue;
    }
    int c = wf_object_richcompare_bool(k, bestkey, op);
    if (c < 0) return NULL;
    if (c) {
      best = x;
      bestkey = k;
    }
  }
  if (wf_err_occurred()) {
    if (!wf_err_matches(&wf_StopIteration_type)) return NULL;
    wf_err_clear();
  }
  if (!best) {
    if (dflt) return dflt;
    return wf_err_format(&wf_ValueError_type, "%s() arg is an empty sequence", name);
  }
  return best;
}
static PyObject *b_min(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  return minmax(args, nargs, kwnames, Py_LT, "min");
}
static PyObject *b_max(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  return minmax(args, nargs, kwnames, Py_GT, "max");
}

static PyObject *b_sorted(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  if (wf_arg_check_positional("sorted", nargs, 1, 1) < 0) return NULL;
  PyObject *l = wf_list_new(0);
  WF_GC_ROOT(l);
  if (wf_list_extend(l, args[0]) < 0) return NULL;
  PyObject *sort = wf_object_getattr_cstr(l, "sort");
  WF_GC_ROOT(sort);
  if (!sort) return NULL;
  PyObject *r = wf_call(sort, args + nargs, 0, kwnames);
  if (!r) return NULL;
  return l;
}

/* ---- I/O ---- */

static PyObject *write_str(PyObject *write, PyObject *s) {
  PyObject *r = wf_call_one(write, s);
  return r;
}

static PyObject *b_print(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  static const char *const names[] = {"sep", "end", "file", "flush", NULL};
  PyObject *kw[4];
  if (wf_builtins_kwonly("print", args + nargs, kwnames, names, kw) < 0) return NULL;
  PyObject *sep = kw[0], *end = kw[1], *file = kw[2], *flush = kw[3];
  WF_GC_ROOT(sep);
  WF_GC_ROOT(end);
  WF_GC_ROOT(file);
  WF_GC_ROOT(flush);
  if (!file || file == WF_NONE) {
    file = wf_sys_get("stdout");
    if (!file) return wf_err_set_string(&wf_RuntimeError_type, "lost sys.stdout");
    if (file == WF_NONE) return WF_NONE;
  }
  if (sep == WF_NONE) sep = NULL;
  if (sep && !wf_str_check(sep))
    return wf_err_format(&wf_TypeError_type, "sep must be None or a string, not %.200s", WF_TYPE(sep)->tp_name);
  if (end == WF_NONE) end = NULL;
  if (end && !wf_str_check(end))
    return wf_err_format(&wf_TypeError_type, "end must be None or a string, not %.200s", WF_TYPE(end)->tp_name);
  PyObject *write = wf_object_getattr_cstr(file, "write");
  WF_GC_ROOT(write);
  if (!write) return NULL;
  for (Py_ssize_t i = 0; i < nargs; i++) {
    if (i > 0 && !write_str(write, sep ? sep : wf_str_from_cstr(" "))) return NULL;
    PyObject *s = wf_object_str(args[i]);
    WF_GC_ROOT(s);
    if (!s || !write_str(write, s)) return NULL;
  }
  if (!write_str(write, end ? end : wf_str_from_cstr("\n"))) return NULL;
  if (flush) {
    int t = wf_object_is_true(flush);
    if (t < 0) return NULL;
    if (t && !wf_call_method_cstr(file, "flush", NULL, 0)) return NULL;
  }
  return WF_NONE;
}

static PyObject *b_input(PyObject *m, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("input", nargs, 0, 1) < 0) return NULL;
  PyObject *fin = wf_sys_get("stdin"), *fout = wf_sys_get("stdout"), *ferr = wf_sys_get("stderr");
  WF_GC_ROOT(fin);
  WF_GC_ROOT(fout);
  WF_GC_ROOT(ferr);
  if (!fin || fin == WF_NONE) return wf_err_set_string(&wf_RuntimeError_type, "input(): lost sys.stdin");
  if (!fout || fout == WF_NONE) return wf_err_set_string(&wf_RuntimeError_type, "input(): lost sys.stdout");
  if (!ferr || ferr == WF_NONE) return wf_err_set_string(&wf_RuntimeError_type, "input(): lost sys.stderr");
  if (!wf_call_method_cstr(ferr, "flush", NULL, 0)) wf_err_clear();
  if (nargs == 1 && args[0] != WF_NONE) {
    PyObject *s = wf_object_str(args[0]);
    WF_GC_ROOT(s);
    if (!s || !wf_call_method_cstr(fout, "write", &s, 1)) return NULL;
  }
  if (!wf_call_method_cstr(fout, "flush", NULL, 0)) wf_err_clear();
  PyObject *line = wf_call_method_cstr(fin, "readline", NULL, 0);
  WF_GC_ROOT(line);
  if (!line) return NULL;
  if (wf_str_check(line)) {
    Py_ssize_t n = wf_str_length(line);
    if (n == 0) return wf_err_set_string(&wf_EOFError_type, "EOF when reading a line");
    if (wf_str_read_char(line, n - 1) == '\n') return wf_str_substr(line, 0, n - 1);
    return line;
  }
  if (wf_bytes_check(line)) {
    Py_ssize_t n = wf_bytes_size(line);
    if (n == 0) return wf_err_set_string(&wf_EOFError_type, "EOF when reading a line");
    if (wf_bytes_data(line)[n - 1] == '\n') return wf_bytes_from_data(wf_bytes_data(line), n - 1);
    return line;
  }
  return wf_err_set_string(&wf_TypeError_type, "object.readline() returned non-string");
}

static PyObject *b_breakpoint(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  PyObject *hook = wf_sys_get("breakpointhook");
  if (!hook) return wf_err_set_string(&wf_RuntimeError_type, "lost sys.breakpointhook");
  return wf_call(hook, args, (size_t)nargs, kwnames);
}

static PyObject *b_open(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  static const char *const names[] = {"file",    "mode",    "buffering", "encoding", "errors",
                                      "newline", "closefd", "opener",    NULL};
  PyObject *a[8];
  if (wf_builtins_clinic("open", args, nargs, kwnames, names, 8, 1, a) < 0) return NULL;
  if (a[1] && !wf_str_check(a[1]))
    return wf_err_format(&wf_TypeError_type, "open() argument 'mode' must be str, not %.200s", WF_TYPE(a[1])->tp_name);
  return wf_err_set_string(&wf_NotImplementedError_type, "open() needs the io module (standard library issue)");
}

/* ---- The module ---- */

static PyMethodDef builtin_defs[] = {
    {"__build_class__", FAST(wf_builtins_build_class), METH_FASTCALL | METH_KEYWORDS,
     "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class\n\nInternal helper function used by the "
     "class statement."},
    {"__import__", FAST(wf_builtins_import), METH_FASTCALL | METH_KEYWORDS,
     "__import__(name, globals=None, locals=None, fromlist=(), level=0) -> module"},
    {"abs", b_abs, METH_O, "Return the absolute value of the argument."},
    {"aiter", b_aiter, METH_O, "Return an AsyncIterator for an AsyncIterable object."},
    {"all", b_all, METH_O, "Return True if bool(x) is True for all values x in the iterable."},
    {"anext", FAST(b_anext), METH_FASTCALL, "Return the next item from the async iterator."},
    {"any", b_any, METH_O, "Return True if bool(x) is True for any x in the iterable."},
    {"ascii", b_ascii, METH_O, "Return an ASCII-only representation of an object."},
    {"bin", b_bin, METH_O, "Return the binary representation of an integer."},
    {"breakpoint", FAST(b_breakpoint), METH_FASTCALL | METH_KEYWORDS, "Call sys.breakpointhook(*args, **kws)."},
    {"callable", b_callable, METH_O, "Return whether the object is callable (i.e., some kind of function)."},
    {"chr", b_chr, METH_O, "Return a Unicode string of one character with ordinal i; 0 <= i <= 0x10ffff."},
    {"compile", FAST(wf_builtins_compile), METH_FASTCALL | METH_KEYWORDS,
     "Compile source into a code object that can be executed by exec() or eval()."},
    {"delattr", FAST(b_delattr), METH_FASTCALL, "Deletes the named attribute from the given object."},
    {"dir", FAST(wf_builtins_dir), METH_FASTCALL, "dir([object]) -> list of strings"},
    {"divmod", FAST(b_divmod), METH_FASTCALL, "Return the tuple (x//y, x%y).  Invariant: div*y + mod == x."},
    {"eval", FAST(wf_builtins_eval), METH_FASTCALL, "Evaluate the given source in the context of globals and locals."},
    {"exec", FAST(wf_builtins_exec), METH_FASTCALL | METH_KEYWORDS,
     "Execute the given source in the context of globals and locals."},
    {"format", FAST(b_format), METH_FASTCALL, "Return value.__format__(format_spec)"},
    {"getattr", FAST(b_getattr), METH_FASTCALL, "getattr(object, name[, default]) -> value"},
    {"globals", wf_builtins_globals, METH_NOARGS,
     "Return the dictionary containing the current scope's global variables."},
    {"hasattr", FAST(b_hasattr), METH_FASTCALL, "Return whether the object has an attribute with the given name."},
    {"hash", b_hash, METH_O, "Return the hash value for the given object."},
    {"hex", b_hex, METH_O, "Return the hexadecimal representation of an integer."},
    {"id", b_id, METH_O, "Return the identity of an object."},
    {"input", FAST(b_input), METH_FASTCALL, "Read a string from standard input.  The trailing newline is stripped."},
    {"isinstance", FAST(b_isinstance), METH_FASTCALL,
     "Return whether an object is an instance of a class or of a subclass thereof."},
    {"issubclass", FAST(b_issubclass), METH_FASTCALL,
     "Return whether 'cls' is derived from another class or is the same class."},
    {"iter", FAST(b_iter), METH_FASTCALL, "iter(iterable) -> iterator\niter(callable, sentinel) -> iterator"},
    {"len", b_len, METH_O, "Return the number of items in a container."},
    {"locals", wf_builtins_locals, METH_NOARGS, "Return a dictionary containing the current scope's local variables."},
    {"max", FAST(b_max), METH_FASTCALL | METH_KEYWORDS, "max(iterable, *[, default=obj, key=func]) -> value"},
    {"min", FAST(b_min), METH_FASTCALL | METH_KEYWORDS, "min(iterable, *[, default=obj, key=func]) -> value"},
    {"next", FAST(b_next), METH_FASTCALL, "next(iterator[, default])\n\nReturn the next item from the iterator."},
    {"oct", b_oct, METH_O, "Return the octal representation of an integer."},
    {"open", FAST(b_open), METH_FASTCALL | METH_KEYWORDS, "Open file and return a stream."},
    {"ord", b_ord, METH_O, "Return the Unicode code point for a one-character string."},
    {"pow", FAST(b_pow), METH_FASTCALL | METH_KEYWORDS,
     "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments"},
    {"print", FAST(b_print), METH_FASTCALL | METH_KEYWORDS,
     "Prints the values to a stream, or to sys.stdout by default."},
    {"repr", b_repr, METH_O, "Return the canonical string representation of the object."},
    {"round", FAST(b_round), METH_FASTCALL | METH_KEYWORDS, "Round a number to a given precision in decimal digits."},
    {"setattr", FAST(b_setattr), METH_FASTCALL, "Sets the named attribute on the given object to the specified value."},
    {"sorted", FAST(b_sorted), METH_FASTCALL | METH_KEYWORDS,
     "Return a new list containing all items from the iterable in ascending order."},
    {"sum", FAST(b_sum), METH_FASTCALL | METH_KEYWORDS,
     "Return the sum of a 'start' value (default: 0) plus an iterable of numbers"},
    {"vars", FAST(wf_builtins_vars), METH_FASTCALL, "vars([object]) -> dictionary"},
    {NULL, NULL, 0, NULL},
};

PyObject *wf_builtins_init(void) {
  PyObject *mod = wf_module_new_cstr("builtins");
  WF_GC_ROOT(mod);
  if (!mod) return NULL;
  if (wf_module_add_functions(mod, builtin_defs) < 0) return NULL;
  struct {
    const char *name;
    PyObject *v;
  } objs[] = {
      {"None", WF_NONE},
      {"Ellipsis", WF_ELLIPSIS},
      {"NotImplemented", WF_NOTIMPLEMENTED},
      {"False", WF_FALSE},
      {"True", WF_TRUE},
      {"bool", (PyObject *)&wf_bool_type},
      {"memoryview", (PyObject *)&wf_memoryview_type},
      {"bytearray", (PyObject *)&wf_bytearray_type},
      {"bytes", (PyObject *)&wf_bytes_type},
      {"classmethod", (PyObject *)&wf_classmethod_type},
      {"complex", (PyObject *)&wf_complex_type},
      {"dict", (PyObject *)&wf_dict_type},
      {"enumerate", (PyObject *)&wf_enumerate_type},
      {"filter", (PyObject *)&wf_filter_type},
      {"float", (PyObject *)&wf_float_type},
      {"frozenset", (PyObject *)&wf_frozenset_type},
      {"property", (PyObject *)&wf_property_type},
      {"int", (PyObject *)&wf_int_type},
      {"list", (PyObject *)&wf_list_type},
      {"map", (PyObject *)&wf_map_type},
      {"object", (PyObject *)&wf_object_type},
      {"range", (PyObject *)&wf_range_type},
      {"reversed", (PyObject *)&wf_reversed_type},
      {"set", (PyObject *)&wf_set_type},
      {"slice", (PyObject *)&wf_slice_type},
      {"staticmethod", (PyObject *)&wf_staticmethod_type},
      {"str", (PyObject *)&wf_str_type},
      {"super", (PyObject *)&wf_super_type},
      {"tuple", (PyObject *)&wf_tuple_type},
      {"type", (PyObject *)&wf_type_type},
      {"zip", (PyObject *)&wf_zip_type},
      {"__debug__", WF_TRUE},
      {NULL, NULL},
  };
  for (int i = 0; objs[i].name; i++)
    if (wf_module_add(mod, objs[i].name, objs[i].v) < 0) return NULL;
#define WF_ADD_EXC(name) \
  if (wf_module_add(mod, #name, (PyObject *)&wf_##name##_type) < 0) return NULL;
  WF_EXCEPTION_TYPES(WF_ADD_EXC)
#undef WF_ADD_EXC
  /* CPython's aliases of OSError. */
  if (wf_module_add(mod, "EnvironmentError", (PyObject *)&wf_OSError_type) < 0 ||
      wf_module_add(mod, "IOError", (PyObject *)&wf_OSError_type) < 0)
    return NULL;
  PyObject *doc = wf_str_from_cstr(
      "Built-in functions, exceptions, and other objects.\n\nNoteworthy: None is the `nil' object; Ellipsis "
      "represents `...' in slices.");
  if (!doc || wf_module_add(mod, "__doc__", doc) < 0) return NULL;
  if (wf_builtins_add_site(mod) < 0) return NULL;
  PyObject *pkg = wf_str_from_cstr("");
  if (!pkg || wf_module_add(mod, "__package__", pkg) < 0) return NULL;
  return mod;
}
