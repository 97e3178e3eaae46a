/* Special-method slots: the slotdefs table, the wrappers that expose a C
 * slot as a method (`int.__add__` is a wrapper_descriptor over nb_add), and
 * the generic slot functions through which a heap type's C slots call its
 * dunder methods (a class defining __add__ gets nb_add = slot_nb_add).
 *
 * wf_type_update_slots(type, name) recomputes, for each slot that `name`
 * feeds (all slots when name is NULL), what the slot of `type` and of every
 * subclass should be: the wrapped C function when the dunder found along the
 * MRO is a wrapper_descriptor of that same slot (so `class L(list)` keeps
 * list's C slots), None for __hash__ = None, else the generic slot function.
 * Slot pointers are written with plain stores by the thread that changed
 * the class (benign: every value written is a valid function for the type).
 */
#include <stdio.h>
#include <stdlib.h>

#include "int.h"
#include "runtime.h"
#include "vmthread.h"
#include "descr.h"
#include "slots.h"

#include <string.h>

#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "int.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "tuple.h"
#include "vmthread.h"

#define TPO(f) (int)offsetof(wf_heaptype, ht_type.f)
#define NBO(f) (int)offsetof(wf_heaptype, as_number.f)
#define SQO(f) (int)offsetof(wf_heaptype, as_sequence.f)
#define MPO(f) (int)offsetof(wf_heaptype, as_mapping.f)
#define AMO(f) (int)offsetof(wf_heaptype, as_async.f)

void **wf_slot_ptr(PyTypeObject *t, int offset) {
  char *base;
  int rel;
  if (offset < (int)offsetof(wf_heaptype, as_async)) return (void **)((char *)t + offset);
  if (offset < (int)offsetof(wf_heaptype, as_number)) {
    base = (char *)t->tp_as_async;
    rel = offset - (int)offsetof(wf_heaptype, as_async);
  } else if (offset < (int)offsetof(wf_heaptype, as_mapping)) {
    base = (char *)t->tp_as_number;
    rel = offset - (int)offsetof(wf_heaptype, as_number);
  } else if (offset < (int)offsetof(wf_heaptype, as_sequence)) {
    base = (char *)t->tp_as_mapping;
    rel = offset - (int)offsetof(wf_heaptype, as_mapping);
  } else if (offset < (int)offsetof(wf_heaptype, as_buffer)) {
    base = (char *)t->tp_as_sequence;
    rel = offset - (int)offsetof(wf_heaptype, as_sequence);
  } else {
    base = (char *)t->tp_as_buffer;
    rel = offset - (int)offsetof(wf_heaptype, as_buffer);
  }
  return base ? (void **)(base + rel) : NULL;
}

/* ---- Calling a special method ----------------------------------------------------------- */

PyObject *wf_call_special(PyObject *self, PyObject *name, PyObject *const *args, Py_ssize_t nargs, int *found) {
  PyObject *f = wf_type_lookup(WF_TYPE(self), name);
  if (found) *found = f != NULL;
  if (!f) {
    if (!found) wf_err_set_object(&wf_AttributeError_type, name);
    return NULL;
  }
  WF_GC_ROOT(self);
  PyObject *stack[8];
  if (nargs > 6) return wf_err_bad_internal_call("wf_call_special");
  if (wf_type_has_flag(WF_TYPE(f), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
    stack[0] = self;
    for (Py_ssize_t i = 0; i < nargs; i++) stack[i + 1] = args[i];
    return wf_call(f, stack, (size_t)nargs + 1, NULL);
  }
  descrgetfunc g = WF_TYPE(f)->tp_descr_get;
  if (g) {
    f = g(f, self, (PyObject *)WF_TYPE(self));
    if (!f) return NULL;
  }
  return wf_call(f, args, (size_t)nargs, NULL);
}

static PyObject *call_method(PyObject *self, PyObject *name, PyObject *const *args, Py_ssize_t nargs) {
  return wf_call_special(self, name, args, nargs, NULL);
}

/* Like call_method, but NotImplemented when the type lacks the method. */
static PyObject *call_maybe(PyObject *self, PyObject *name, PyObject *const *args, Py_ssize_t nargs) {
  int found;
  PyObject *r = wf_call_special(self, name, args, nargs, &found);
  if (!found) return WF_NOTIMPLEMENTED;
  return r;
}

/* ---- Wrappers: a C slot called as a method ------------------------------------------------- */

static int check_num_args(PyObject *args, Py_ssize_t n) {
  if (WF_SIZE(args) == n) return 0;
  wf_err_format(&wf_TypeError_type, "expected %zd argument%s, got %zd", n, n == 1 ? "" : "s", WF_SIZE(args));
  return -1;
}

#define ARG(i) WF_TUPLE_GET(args, i)

static PyObject *wrap_unary(PyObject *self, PyObject *args, PyObject *kw, void *w, const wf_slotdef *d) {
  if (check_num_args(args, 0) < 0) return NULL;
  return ((unaryfunc)w)(self);
}
static PyObject *wrap_binary_l(PyObject *self, PyObject *args, PyObject *kw, void *w, const wf_slotdef *d) {
  if (check_num_args(args, 1) < 0) return NULL;
  return ((binaryfunc)w)(self, ARG(0));
}
static PyObject *wrap_binary_r(PyObject *self, PyObject *args, PyObject *kw, void *w, const wf_slotdef *d) {
  if (check_num_args(args, 1) < 0) return NULL;
  return ((binaryfunc)w)(ARG(0), self);
}
static int unpack_opt(PyObject *args, PyObject **a, PyObject **b) {
  Py_ssize_t n = WF_SIZE(args);
  if (n < 1 || n > 2) {
    wf_err_format(&wf_TypeError_type, "expected %s1 argument%s, got %zd", n < 1 ? "at least " : "at most ",
                  n < 1 ? "" : "s", n);
    if (n > 2) {
      wf_err_clear();
      wf_err_format(&wf_TypeError_type, "expected at most 2 arguments, got %zd", n);
    }
    return -1;
  }
  *a = ARG(0);
  *b = n == 2 ? ARG(1) : WF_NONE;
  return 0;
}
static PyObject *wrap_ternary(PyObject *self, PyObject *args, PyObject *kw, void *w, const wf_slotdef *d) {
  PyObject *a, *b;
  if (unpack_opt(args, &a, &b) < 0) return NULL;
  return ((ternaryfunc)w)(self, a, b);
}
static PyObject *wrap_ternary_r(PyObject *self, PyObject *args, PyObject *kw, void *w, const wf_slotdef *d) {
  PyObject *a, *b;
  if (unpack_opt(args, &a, &b) < 0) return NULL;
  return ((ternaryfunc)w)(a, self, b);
}
static PyObject *wrap_inquirypred(PyObject *self, PyObject *args, PyObject *kw, void *w, const wf_slotdef *d) {
  if (check_num_args(args, 0) < 0) return NULL;
  int r = ((inquiry)w)(self);
  if (r < 0) return NULL;
  return wf_bool_from(r);
}
static PyObject *wrap_lenfunc(PyObject *self, PyObject *args, PyObject *kw, void *w, const wf_slotdef *d) {
  if (check_num_args(args, 0) < 0) return NULL;
  Py_ssize_t r = ((lenfunc)w)(self);
  if (r < 0 && wf_err_occurred()) return NULL;
  return wf_int_from_ssize(r);
}
static PyObject *wrap_hashfunc(PyObject *self, PyObject *args, PyObject *kw, void *w, const wf_slotdef *d) {
  if (check_num_args(args, 0) < 0) return NULL;
  Py_hash_t r = ((hashfunc)w)(self);
  if (r == -1 && wf_err_occurred()) return NULL;
  return wf_int_from_ssize(r);
}
static PyObject *wrap_call(PyObject *self, PyObject *args, PyObject *kw, void *w, const wf_slotdef *d) {
  return ((ternaryfunc)w)(self, args, kw);
}
static PyObject *wrap_init(PyObject *self, PyObject *args, PyObject *kw, void *w, const wf_slotdef *d) {
  if (((initproc)w)(self, args, kw) < 0) return NULL;
  return WF_NONE;
}
static PyObject *wrap_richcmp(PyObject *self, PyObject *args, PyObject *kw, void *w, const wf_slotdef *d) {
  if (check_num_args(args, 1) < 0) return NULL;
  return ((richcmpfunc)w)(self, ARG(0), d->op);
}
static PyObject *wrap_next(PyObject *self, PyObject *args, PyObject *kw, void *w, const wf_slotdef *d) {
  if (check_num_args(args, 0) < 0) return NULL;
  PyObject *r = ((iternextfunc)w)(self);
  if (!r && !wf_err_occurred()) wf_err_set_stop_iteration(NULL);
  return r;
}
static PyObject *wrap_descr_get(PyObject *self, PyObject *args, PyObject *kw, void *w, const wf_slotdef *d) {
  Py_ssize_t n = WF_SIZE(args);
  if (n < 1 || n > 2) {
    return wf_err_format(&wf_TypeError_type, "expected %s, got %zd", n < 1 ? "at least 1 argument" : "at most 2 arguments", n);
  }
  PyObject *obj = ARG(0), *type = n == 2 ? ARG(1) : NULL;
  if (obj == WF_NONE) obj = NULL;
  if (type == WF_NONE) type = NULL;
  if (!obj && !type) return wf_err_set_string(&wf_TypeError_type, "__get__(None, None) is invalid");
  return ((descrgetfunc)w)(self, obj, type);
}
static PyObject *wrap_descr_set(PyObject *self, PyObject *args, PyObject *kw, void *w, const wf_slotdef *d) {
  if (check_num_args(args, 2) < 0) return NULL;
  if (((descrsetfunc)w)(self, ARG(0), ARG(1)) < 0) return NULL;
  return WF_NONE;
}
static PyObject *wrap_descr_delete(PyObject *self, PyObject *args, PyObject *kw, void *w, const wf_slotdef *d) {
  if (check_num_args(args, 1) < 0) return NULL;
  if (((descrsetfunc)w)(self, ARG(0), NULL) < 0) return NULL;
  return WF_NONE;
}
static PyObject *wrap_setattr(PyObject *self, PyObject *args, PyObject *kw, void *w, const wf_slotdef *d) {
  if (check_num_args(args, 2) < 0) return NULL;
  if (((setattrofunc)w)(self, ARG(0), ARG(1)) < 0) return NULL;
  return WF_NONE;
}
static PyObject *wrap_delattr(PyObject *self, PyObject *args, PyObject *kw, void *w, const wf_slotdef *d) {
  if (check_num_args(args, 1) < 0) return NULL;
  if (((setattrofunc)w)(self, ARG(0), NULL) < 0) return NULL;
  return WF_NONE;
}
static Py_ssize_t index_arg(PyObject *self, PyObject *o, bool adjust) {
  Py_ssize_t i = wf_number_as_ssize_t(o, &wf_OverflowError_type);
  if (i == -1 && wf_err_occurred()) return -1;
  if (adjust && i < 0) {
    PySequenceMethods *sq = WF_TYPE(self)->tp_as_sequence;
    if (sq && sq->sq_length) {
      Py_ssize_t n = sq->sq_length(self);
      if (n < 0) return -1;
      i += n;
    }
  }
  return i;
}
static PyObject *wrap_sq_item(PyObject *self, PyObject *args, PyObject *kw, void *w, const wf_slotdef *d) {
  if (check_num_args(args, 1) < 0) return NULL;
  Py_ssize_t i = index_arg(self, ARG(0), true);
  if (i == -1 && wf_err_occurred()) return NULL;
  return ((ssizeargfunc)w)(self, i);
}
static PyObject *wrap_indexarg(PyObject *self, PyObject *args, PyObject *kw, void *w, const wf_slotdef *d) {
  if (check_num_args(args, 1) < 0) return NULL;
  if (!wf_index_check(ARG(0)))
    return wf_err_format(&wf_TypeError_type, "'%.200s' object cannot be interpreted as an integer",
                         WF_TYPE(ARG(0))->tp_name);
  Py_ssize_t i = index_arg(self, ARG(0), false);
  if (i == -1 && wf_err_occurred()) return NULL;
  return ((ssizeargfunc)w)(self, i);
}
static PyObject *wrap_sq_setitem(PyObject *self, PyObject *args, PyObject *kw, void *w, const wf_slotdef *d) {
  if (check_num_args(args, 2) < 0) return NULL;
  Py_ssize_t i = index_arg(self, ARG(0), true);
  if (i == -1 && wf_err_occurred()) return NULL;
  if (((ssizeobjargproc)w)(self, i, ARG(1)) < 0) return NULL;
  return WF_NONE;
}
static PyObject *wrap_sq_delitem(PyObject *self, PyObject *args, PyObject *kw, void *w, const wf_slotdef *d) {
  if (check_num_args(args, 1) < 0) return NULL;
  Py_ssize_t i = index_arg(self, ARG(0), true);
  if (i == -1 && wf_err_occurred()) return NULL;
  if (((ssizeobjargproc)w)(self, i, NULL) < 0) return NULL;
  return WF_NONE;
}
static PyObject *wrap_objobjproc(PyObject *self, PyObject *args, PyObject *kw, void *w, const wf_slotdef *d) {
  if (check_num_args(args, 1) < 0) return NULL;
  int r = ((objobjproc)w)(self, ARG(0));
  if (r < 0) return NULL;
  return wf_bool_from(r);
}
static PyObject *wrap_objobjargproc(PyObject *self, PyObject *args, PyObject *kw, void *w, const wf_slotdef *d) {
  if (check_num_args(args, 2) < 0) return NULL;
  if (((objobjargproc)w)(self, ARG(0), ARG(1)) < 0) return NULL;
  return WF_NONE;
}
static PyObject *wrap_delitem(PyObject *self, PyObject *args, PyObject *kw, void *w, const wf_slotdef *d) {
  if (check_num_args(args, 1) < 0) return NULL;
  if (((objobjargproc)w)(self, ARG(0), NULL) < 0) return NULL;
  return WF_NONE;
}

/* ---- Generic slot functions (heap types) ------------------------------------------------------ */

#define ID(s) WF_ID(s)

static PyObject *slot_tp_repr(PyObject *self) {
  int found;
  PyObject *r = wf_call_special(self, ID(__repr__), NULL, 0, &found);
  if (!found) return wf_str_from_format("<%s object at %p>", WF_TYPE(self)->tp_name, self);
  return r;
}
static PyObject *slot_tp_str(PyObject *self) { return call_method(self, ID(__str__), NULL, 0); }

static Py_hash_t slot_tp_hash(PyObject *self) {
  int found;
  PyObject *r = wf_call_special(self, ID(__hash__), NULL, 0, &found);
  if (!found || (found && !r && !wf_err_occurred())) return wf_object_hash_not_implemented(self);
  if (!r) return -1;
  WF_GC_ROOT(r); /* an OverflowError below allocates */
  if (!wf_int_check(r)) {
    wf_err_set_string(&wf_TypeError_type, "__hash__ method should return an integer");
    return -1;
  }
  Py_ssize_t h = wf_int_as_ssize(r);
  if (h == -1 && wf_err_occurred()) {
    wf_err_clear();
    h = WF_TYPE(r)->tp_hash ? WF_TYPE(r)->tp_hash(r) : -1; /* int's own hash of a big value */
    if (h == -1 && wf_err_occurred()) return -1;
  }
  return h == -1 ? -2 : h;
}

static PyObject *slot_tp_call(PyObject *self, PyObject *args, PyObject *kwds) {
  PyObject *f = wf_type_lookup(WF_TYPE(self), ID(__call__));
  if (!f) return wf_err_format(&wf_TypeError_type, "'%.200s' object is not callable", WF_TYPE(self)->tp_name);
  WF_GC_ROOT(self);
  WF_GC_ROOT(args);
  WF_GC_ROOT(kwds);
  descrgetfunc g = WF_TYPE(f)->tp_descr_get;
  if (g) {
    f = g(f, self, (PyObject *)WF_TYPE(self));
    if (!f) return NULL;
  }
  return wf_call_tuple_dict(f, args, kwds);
}

static PyObject *slot_tp_getattr_hook(PyObject *self, PyObject *name) {
  PyTypeObject *tp = WF_TYPE(self);
  PyObject *getattr = wf_type_lookup(tp, ID(__getattr__));
  PyObject *getattribute = wf_type_lookup(tp, ID(__getattribute__));
  WF_GC_ROOT(self);
  WF_GC_ROOT(name);
  PyObject *r;
  if (getattribute && WF_TYPE(getattribute) == &wf_wrapper_descr_type &&
      wf_descr_wrapped(getattribute) == (void *)wf_object_generic_getattr)
    r = wf_object_generic_getattr(self, name);
  else if (getattribute)
    r = wf_call_special(self, ID(__getattribute__), &name, 1, NULL);
  else
    r = wf_object_generic_getattr(self, name);
  if (r || !getattr || !wf_err_matches(&wf_AttributeError_type)) return r;
  wf_err_clear();
  return wf_call_special(self, ID(__getattr__), &name, 1, NULL);
}

static int slot_tp_setattro(PyObject *self, PyObject *name, PyObject *value) {
  PyObject *args[2] = {name, value};
  PyObject *r = value ? call_method(self, ID(__setattr__), args, 2) : call_method(self, ID(__delattr__), args, 1);
  return r ? 0 : -1;
}

static PyObject *richcmp_name(int op) {
  switch (op) {
  case Py_LT: return ID(__lt__);
  case Py_LE: return ID(__le__);
  case Py_EQ: return ID(__eq__);
  case Py_NE: return ID(__ne__);
  case Py_GT: return ID(__gt__);
  default: return ID(__ge__);
  }
}

static PyObject *slot_tp_richcompare(PyObject *self, PyObject *other, int op) {
  return call_maybe(self, richcmp_name(op), &other, 1);
}

static PyObject *slot_tp_iter(PyObject *self) {
  PyObject *f = wf_type_lookup(WF_TYPE(self), ID(__iter__));
  if (f == WF_NONE) return wf_err_format(&wf_TypeError_type, "'%.200s' object is not iterable", WF_TYPE(self)->tp_name);
  if (f) return call_method(self, ID(__iter__), NULL, 0);
  if (wf_type_lookup(WF_TYPE(self), ID(__getitem__))) return wf_seqiter_new(self);
  return wf_err_format(&wf_TypeError_type, "'%.200s' object is not iterable", WF_TYPE(self)->tp_name);
}

static PyObject *slot_tp_iternext(PyObject *self) { return call_method(self, ID(__next__), NULL, 0); }

static PyObject *slot_tp_descr_get(PyObject *self, PyObject *obj, PyObject *type) {
  PyObject *args[2] = {obj ? obj : WF_NONE, type ? type : WF_NONE};
  return call_method(self, ID(__get__), args, 2);
}

static int slot_tp_descr_set(PyObject *self, PyObject *obj, PyObject *value) {
  PyObject *args[2] = {obj, value};
  PyObject *r = value ? call_method(self, ID(__set__), args, 2) : call_method(self, ID(__delete__), args, 1);
  return r ? 0 : -1;
}

static int slot_tp_init(PyObject *self, PyObject *args, PyObject *kwds) {
  PyObject *f = wf_type_lookup(WF_TYPE(self), ID(__init__));
  if (!f) {
    wf_err_set_object(&wf_AttributeError_type, ID(__init__));
    return -1;
  }
  WF_GC_ROOT(self);
  WF_GC_ROOT(args);
  WF_GC_ROOT(kwds);
  PyObject *r;
  if (wf_type_has_flag(WF_TYPE(f), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
    Py_ssize_t n = WF_SIZE(args);
    PyObject *t = wf_tuple_new(n + 1);
    WF_TUPLE_INIT(t, 0, self);
    for (Py_ssize_t i = 0; i < n; i++) WF_TUPLE_INIT(t, i + 1, WF_TUPLE_GET(args, i));
    r = wf_call_tuple_dict(f, t, kwds);
  } else {
    descrgetfunc g = WF_TYPE(f)->tp_descr_get;
    if (g) {
      f = g(f, self, (PyObject *)WF_TYPE(self));
      if (!f) return -1;
    }
    r = wf_call_tuple_dict(f, args, kwds);
  }
  if (!r) return -1;
  if (r != WF_NONE) {
    wf_err_format(&wf_TypeError_type, "__init__() should return None, not '%.200s'", WF_TYPE(r)->tp_name);
    return -1;
  }
  return 0;
}

static PyObject *slot_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  WF_GC_ROOT(args);
  WF_GC_ROOT(kwds);
  PyObject *f = wf_object_getattr((PyObject *)type, ID(__new__));
  if (!f) return NULL;
  WF_GC_ROOT(f);
  Py_ssize_t n = WF_SIZE(args);
  PyObject *t = wf_tuple_new(n + 1);
  WF_TUPLE_INIT(t, 0, (PyObject *)type);
  for (Py_ssize_t i = 0; i < n; i++) WF_TUPLE_INIT(t, i + 1, WF_TUPLE_GET(args, i));
  return wf_call_tuple_dict(f, t, kwds);
}

newfunc wf_slot_tp_new_fn(void) { return slot_tp_new; }
initproc wf_slot_tp_init_fn(void) { return slot_tp_init; }

/* Binary operators: self.__op__(other) / other.__rop__(self), CPython's rules. */
typedef struct binop_names {
  PyObject **name, **rname;
  const char *cname, *crname;
  int offset;
} binop_names;

enum {
  B_ADD, B_SUB, B_MUL, B_MOD, B_DIVMOD, B_LSHIFT, B_RSHIFT, B_AND, B_XOR, B_OR, B_FLOORDIV, B_TRUEDIV, B_MATMUL,
  B_POW, B_COUNT
};
static PyObject *bname[B_COUNT], *brname[B_COUNT];
static const char *const bcname[B_COUNT] = {"__add__", "__sub__", "__mul__", "__mod__", "__divmod__", "__lshift__",
                                            "__rshift__", "__and__", "__xor__", "__or__", "__floordiv__",
                                            "__truediv__", "__matmul__", "__pow__"};
static const char *const brcname[B_COUNT] = {"__radd__", "__rsub__", "__rmul__", "__rmod__", "__rdivmod__",
                                             "__rlshift__", "__rrshift__", "__rand__", "__rxor__", "__ror__",
                                             "__rfloordiv__", "__rtruediv__", "__rmatmul__", "__rpow__"};
static const int boffset[B_COUNT] = {NBO(nb_add), NBO(nb_subtract), NBO(nb_multiply), NBO(nb_remainder),
                                     NBO(nb_divmod), NBO(nb_lshift), NBO(nb_rshift), NBO(nb_and), NBO(nb_xor),
                                     NBO(nb_or), NBO(nb_floor_divide), NBO(nb_true_divide),
                                     NBO(nb_matrix_multiply), NBO(nb_power)};

static PyObject *slot_binop(PyObject *self, PyObject *other, PyObject *third, int op, void *testfunc) {
  PyTypeObject *ts = WF_TYPE(self), *to = WF_TYPE(other);
  WF_GC_ROOT(self);
  WF_GC_ROOT(other);
  PyObject *args[2];
  int nargs = (op == B_POW && third != WF_NONE) ? 2 : 1;
  bool do_other = ts != to && wf_slot_ptr(to, boffset[op]) && *wf_slot_ptr(to, boffset[op]) == testfunc &&
                  wf_type_lookup(to, brname[op]) != NULL;
  void **sp = wf_slot_ptr(ts, boffset[op]);
  if (sp && *sp == testfunc && wf_type_lookup(ts, bname[op])) {
    if (do_other && wf_type_is_subtype(to, ts)) {
      /* The subclass overrides the reflected method: it goes first. */
      PyObject *a = wf_type_lookup(to, brname[op]), *b = wf_type_lookup(ts, brname[op]);
      if (a != b) {
        args[0] = self;
        args[1] = third;
        PyObject *r = call_maybe(other, brname[op], args, nargs);
        if (r != WF_NOTIMPLEMENTED) return r;
        do_other = false;
      }
    }
    args[0] = other;
    args[1] = third;
    PyObject *r = call_maybe(self, bname[op], args, nargs);
    if (r != WF_NOTIMPLEMENTED || ts == to) return r;
  }
  if (do_other) {
    args[0] = self;
    args[1] = third;
    return call_maybe(other, brname[op], args, nargs);
  }
  return WF_NOTIMPLEMENTED;
}

#define BINSLOT(fn, op) \
  static PyObject *fn(PyObject *a, PyObject *b) { return slot_binop(a, b, WF_NONE, op, (void *)fn); }
BINSLOT(slot_nb_add, B_ADD)
BINSLOT(slot_nb_subtract, B_SUB)
BINSLOT(slot_nb_multiply, B_MUL)
BINSLOT(slot_nb_remainder, B_MOD)
BINSLOT(slot_nb_divmod, B_DIVMOD)
BINSLOT(slot_nb_lshift, B_LSHIFT)
BINSLOT(slot_nb_rshift, B_RSHIFT)
BINSLOT(slot_nb_and, B_AND)
BINSLOT(slot_nb_xor, B_XOR)
BINSLOT(slot_nb_or, B_OR)
BINSLOT(slot_nb_floor_divide, B_FLOORDIV)
BINSLOT(slot_nb_true_divide, B_TRUEDIV)
BINSLOT(slot_nb_matrix_multiply, B_MATMUL)
static PyObject *slot_nb_power(PyObject *a, PyObject *b, PyObject *c) {
  if (c == WF_NONE) return slot_binop(a, b, WF_NONE, B_POW, (void *)slot_nb_power);
  /* Three-argument pow: only the left operand's __pow__ is tried (as CPython). */
  void **sp = wf_slot_ptr(WF_TYPE(a), boffset[B_POW]);
  if (sp && *sp == (void *)slot_nb_power) {
    PyObject *args[2] = {b, c};
    return call_maybe(a, bname[B_POW], args, 2);
  }
  return WF_NOTIMPLEMENTED;
}

#define UNSLOT(fn, id) \
  static PyObject *fn(PyObject *self) { return call_method(self, ID(id), NULL, 0); }
UNSLOT(slot_nb_negative, __neg__)
UNSLOT(slot_nb_positive, __pos__)
UNSLOT(slot_nb_absolute, __abs__)
UNSLOT(slot_nb_invert, __invert__)
UNSLOT(slot_nb_int, __int__)
UNSLOT(slot_nb_float, __float__)
UNSLOT(slot_nb_index, __index__)
UNSLOT(slot_am_await, __await__)
UNSLOT(slot_am_aiter, __aiter__)
UNSLOT(slot_am_anext, __anext__)

#define INPLACESLOT(fn, id) \
  static PyObject *fn(PyObject *self, PyObject *o) { return call_method(self, ID(id), &o, 1); }
INPLACESLOT(slot_nb_inplace_add, __iadd__)
INPLACESLOT(slot_nb_inplace_subtract, __isub__)
INPLACESLOT(slot_nb_inplace_multiply, __imul__)
INPLACESLOT(slot_nb_inplace_remainder, __imod__)
INPLACESLOT(slot_nb_inplace_lshift, __ilshift__)
INPLACESLOT(slot_nb_inplace_rshift, __irshift__)
INPLACESLOT(slot_nb_inplace_and, __iand__)
INPLACESLOT(slot_nb_inplace_xor, __ixor__)
INPLACESLOT(slot_nb_inplace_or, __ior__)
INPLACESLOT(slot_nb_inplace_floor_divide, __ifloordiv__)
INPLACESLOT(slot_nb_inplace_true_divide, __itruediv__)
INPLACESLOT(slot_nb_inplace_matrix_multiply, __imatmul__)
static PyObject *slot_nb_inplace_power(PyObject *self, PyObject *o, PyObject *m) {
  return call_method(self, ID(__ipow__), &o, 1);
}

static int slot_nb_bool(PyObject *self) {
  int found;
  WF_GC_ROOT(self);
  PyObject *r = wf_call_special(self, ID(__bool__), NULL, 0, &found);
  bool via_len = false;
  if (!found) {
    r = wf_call_special(self, ID(__len__), NULL, 0, &found);
    if (!found) return 1;
    via_len = true;
  }
  if (!r) return -1;
  if (via_len) {
    Py_ssize_t n = wf_number_as_ssize_t(r, &wf_OverflowError_type);
    if (n == -1 && wf_err_occurred()) return -1;
    if (n < 0) {
      wf_err_set_string(&wf_ValueError_type, "__len__() should return >= 0");
      return -1;
    }
    return n > 0;
  }
  if (r == WF_TRUE) return 1;
  if (r == WF_FALSE) return 0;
  wf_err_format(&wf_TypeError_type, "__bool__ should return bool, returned %.200s", WF_TYPE(r)->tp_name);
  return -1;
}

static Py_ssize_t slot_sq_length(PyObject *self) {
  PyObject *r = call_method(self, ID(__len__), NULL, 0);
  if (!r) return -1;
  if (!wf_index_check(r)) {
    wf_err_format(&wf_TypeError_type, "'%.200s' object cannot be interpreted as an integer", WF_TYPE(r)->tp_name);
    return -1;
  }
  Py_ssize_t n = wf_number_as_ssize_t(r, &wf_OverflowError_type);
  if (n == -1 && wf_err_occurred()) return -1;
  if (n < 0) {
    wf_err_set_string(&wf_ValueError_type, "__len__() should return >= 0");
    return -1;
  }
  return n;
}

static PyObject *slot_mp_subscript(PyObject *self, PyObject *key) { return call_method(self, ID(__getitem__), &key, 1); }

static PyObject *slot_sq_item(PyObject *self, Py_ssize_t i) {
  PyObject *k = wf_int_from_ssize(i);
  return call_method(self, ID(__getitem__), &k, 1);
}

static int slot_mp_ass_subscript(PyObject *self, PyObject *key, PyObject *value) {
  PyObject *args[2] = {key, value};
  PyObject *r = value ? call_method(self, ID(__setitem__), args, 2) : call_method(self, ID(__delitem__), args, 1);
  return r ? 0 : -1;
}

static int slot_sq_ass_item(PyObject *self, Py_ssize_t i, PyObject *value) {
  WF_GC_ROOT(value);
  PyObject *k = wf_int_from_ssize(i);
  return slot_mp_ass_subscript(self, k, value);
}

static int slot_sq_contains(PyObject *self, PyObject *value) {
  PyObject *f = wf_type_lookup(WF_TYPE(self), ID(__contains__));
  if (f == WF_NONE) {
    wf_err_format(&wf_TypeError_type, "'%.200s' object is not a container", WF_TYPE(self)->tp_name);
    return -1;
  }
  if (!f) return wf_sequence_iter_search_contains(self, value);
  PyObject *r = call_method(self, ID(__contains__), &value, 1);
  if (!r) return -1;
  return wf_object_is_true(r);
}

/* ---- The table ------------------------------------------------------------------------------------ */

#define K WF_SLOT_KEYWORDS
wf_slotdef wf_slotdefs[] = {
    {"__getattribute__", TPO(tp_getattro), slot_tp_getattr_hook, wrap_binary_l, 0, 0, "Return getattr(self, name).", 0},
    {"__getattr__", TPO(tp_getattro), slot_tp_getattr_hook, NULL, 0, 0, NULL, 0},
    {"__setattr__", TPO(tp_setattro), slot_tp_setattro, wrap_setattr, 0, 0, "Implement setattr(self, name, value).", 0},
    {"__delattr__", TPO(tp_setattro), slot_tp_setattro, wrap_delattr, 0, 0, "Implement delattr(self, name).", 0},
    {"__repr__", TPO(tp_repr), slot_tp_repr, wrap_unary, 0, 0, "Return repr(self).", 0},
    {"__hash__", TPO(tp_hash), slot_tp_hash, wrap_hashfunc, 0, 0, "Return hash(self).", 0},
    {"__call__", TPO(tp_call), slot_tp_call, wrap_call, K, 0, "Call self as a function.", 0},
    {"__str__", TPO(tp_str), slot_tp_str, wrap_unary, 0, 0, "Return str(self).", 0},
    {"__lt__", TPO(tp_richcompare), slot_tp_richcompare, wrap_richcmp, 0, Py_LT, "Return self<value.", 0},
    {"__le__", TPO(tp_richcompare), slot_tp_richcompare, wrap_richcmp, 0, Py_LE, "Return self<=value.", 0},
    {"__eq__", TPO(tp_richcompare), slot_tp_richcompare, wrap_richcmp, 0, Py_EQ, "Return self==value.", 0},
    {"__ne__", TPO(tp_richcompare), slot_tp_richcompare, wrap_richcmp, 0, Py_NE, "Return self!=value.", 0},
    {"__gt__", TPO(tp_richcompare), slot_tp_richcompare, wrap_richcmp, 0, Py_GT, "Return self>value.", 0},
    {"__ge__", TPO(tp_richcompare), slot_tp_richcompare, wrap_richcmp, 0, Py_GE, "Return self>=value.", 0},
    {"__iter__", TPO(tp_iter), slot_tp_iter, wrap_unary, 0, 0, "Implement iter(self).", 0},
    {"__next__", TPO(tp_iternext), slot_tp_iternext, wrap_next, 0, 0, "Implement next(self).", 0},
    {"__get__", TPO(tp_descr_get), slot_tp_descr_get, wrap_descr_get, 0, 0, "Return an attribute of instance, which is of type owner.", 0},
    {"__set__", TPO(tp_descr_set), slot_tp_descr_set, wrap_descr_set, 0, 0, "Set an attribute of instance to value.", 0},
    {"__delete__", TPO(tp_descr_set), slot_tp_descr_set, wrap_descr_delete, 0, 0, "Delete an attribute of instance.", 0},
    {"__init__", TPO(tp_init), slot_tp_init, wrap_init, K, 0, "Initialize self.  See help(type(self)) for accurate signature.", 0},
    {"__new__", TPO(tp_new), slot_tp_new, NULL, 0, 0, NULL, 0},
    {"__await__", AMO(am_await), slot_am_await, wrap_unary, 0, 0, "Return an iterator to be used in await expression.", 0},
    {"__aiter__", AMO(am_aiter), slot_am_aiter, wrap_unary, 0, 0, "Return an awaitable, that resolves in asynchronous iterator.", 0},
    {"__anext__", AMO(am_anext), slot_am_anext, wrap_unary, 0, 0, "Return a value or raise StopAsyncIteration.", 0},
    {"__add__", NBO(nb_add), slot_nb_add, wrap_binary_l, 0, 0, "Return self+value.", 0},
    {"__radd__", NBO(nb_add), slot_nb_add, wrap_binary_r, 0, 0, "Return value+self.", 0},
    {"__sub__", NBO(nb_subtract), slot_nb_subtract, wrap_binary_l, 0, 0, "Return self-value.", 0},
    {"__rsub__", NBO(nb_subtract), slot_nb_subtract, wrap_binary_r, 0, 0, "Return value-self.", 0},
    {"__mul__", NBO(nb_multiply), slot_nb_multiply, wrap_binary_l, 0, 0, "Return self*value.", 0},
    {"__rmul__", NBO(nb_multiply), slot_nb_multiply, wrap_binary_r, 0, 0, "Return value*self.", 0},
    {"__mod__", NBO(nb_remainder), slot_nb_remainder, wrap_binary_l, 0, 0, "Return self%value.", 0},
    {"__rmod__", NBO(nb_remainder), slot_nb_remainder, wrap_binary_r, 0, 0, "Return value%self.", 0},
    {"__divmod__", NBO(nb_divmod), slot_nb_divmod, wrap_binary_l, 0, 0, "Return divmod(self, value).", 0},
    {"__rdivmod__", NBO(nb_divmod), slot_nb_divmod, wrap_binary_r, 0, 0, "Return divmod(value, self).", 0},
    {"__pow__", NBO(nb_power), slot_nb_power, wrap_ternary, 0, 0, "Return pow(self, value, mod).", 0},
    {"__rpow__", NBO(nb_power), slot_nb_power, wrap_ternary_r, 0, 0, "Return pow(value, self, mod).", 0},
    {"__neg__", NBO(nb_negative), slot_nb_negative, wrap_unary, 0, 0, "-self", 0},
    {"__pos__", NBO(nb_positive), slot_nb_positive, wrap_unary, 0, 0, "+self", 0},
    {"__abs__", NBO(nb_absolute), slot_nb_absolute, wrap_unary, 0, 0, "abs(self)", 0},
    {"__bool__", NBO(nb_bool), slot_nb_bool, wrap_inquirypred, 0, 0, "True if self else False", 0},
    {"__invert__", NBO(nb_invert), slot_nb_invert, wrap_unary, 0, 0, "~self", 0},
    {"__lshift__", NBO(nb_lshift), slot_nb_lshift, wrap_binary_l, 0, 0, "Return self<<value.", 0},
    {"__rlshift__", NBO(nb_lshift), slot_nb_lshift, wrap_binary_r, 0, 0, "Return value<<self.", 0},
    {"__rshift__", NBO(nb_rshift), slot_nb_rshift, wrap_binary_l, 0, 0, "Return self>>value.", 0},
    {"__rrshift__", NBO(nb_rshift), slot_nb_rshift, wrap_binary_r, 0, 0, "Return value>>self.", 0},
    {"__and__", NBO(nb_and), slot_nb_and, wrap_binary_l, 0, 0, "Return self&value.", 0},
    {"__rand__", NBO(nb_and), slot_nb_and, wrap_binary_r, 0, 0, "Return value&self.", 0},
    {"__xor__", NBO(nb_xor), slot_nb_xor, wrap_binary_l, 0, 0, "Return self^value.", 0},
    {"__rxor__", NBO(nb_xor), slot_nb_xor, wrap_binary_r, 0, 0, "Return value^self.", 0},
    {"__or__", NBO(nb_or), slot_nb_or, wrap_binary_l, 0, 0, "Return self|value.", 0},
    {"__ror__", NBO(nb_or), slot_nb_or, wrap_binary_r, 0, 0, "Return value|self.", 0},
    {"__int__", NBO(nb_int), slot_nb_int, wrap_unary, 0, 0, "int(self)", 0},
    {"__float__", NBO(nb_float), slot_nb_float, wrap_unary, 0, 0, "float(self)", 0},
    {"__iadd__", NBO(nb_inplace_add), slot_nb_inplace_add, wrap_binary_l, 0, 0, "Return self+=value.", 0},
    {"__isub__", NBO(nb_inplace_subtract), slot_nb_inplace_subtract, wrap_binary_l, 0, 0, "Return self-=value.", 0},
    {"__imul__", NBO(nb_inplace_multiply), slot_nb_inplace_multiply, wrap_binary_l, 0, 0, "Return self*=value.", 0},
    {"__imod__", NBO(nb_inplace_remainder), slot_nb_inplace_remainder, wrap_binary_l, 0, 0, "Return self%=value.", 0},
    {"__ipow__", NBO(nb_inplace_power), slot_nb_inplace_power, wrap_binary_l, 0, 0, "Return self**=value.", 0},
    {"__ilshift__", NBO(nb_inplace_lshift), slot_nb_inplace_lshift, wrap_binary_l, 0, 0, "Return self<<=value.", 0},
    {"__irshift__", NBO(nb_inplace_rshift), slot_nb_inplace_rshift, wrap_binary_l, 0, 0, "Return self>>=value.", 0},
    {"__iand__", NBO(nb_inplace_and), slot_nb_inplace_and, wrap_binary_l, 0, 0, "Return self&=value.", 0},
    {"__ixor__", NBO(nb_inplace_xor), slot_nb_inplace_xor, wrap_binary_l, 0, 0, "Return self^=value.", 0},
    {"__ior__", NBO(nb_inplace_or), slot_nb_inplace_or, wrap_binary_l, 0, 0, "Return self|=value.", 0},
    {"__floordiv__", NBO(nb_floor_divide), slot_nb_floor_divide, wrap_binary_l, 0, 0, "Return self//value.", 0},
    {"__rfloordiv__", NBO(nb_floor_divide), slot_nb_floor_divide, wrap_binary_r, 0, 0, "Return value//self.", 0},
    {"__truediv__", NBO(nb_true_divide), slot_nb_true_divide, wrap_binary_l, 0, 0, "Return self/value.", 0},
    {"__rtruediv__", NBO(nb_true_divide), slot_nb_true_divide, wrap_binary_r, 0, 0, "Return value/self.", 0},
    {"__ifloordiv__", NBO(nb_inplace_floor_divide), slot_nb_inplace_floor_divide, wrap_binary_l, 0, 0, "Return self//=value.", 0},
    {"__itruediv__", NBO(nb_inplace_true_divide), slot_nb_inplace_true_divide, wrap_binary_l, 0, 0, "Return self/=value.", 0},
    {"__index__", NBO(nb_index), slot_nb_index, wrap_unary, 0, 0, "Return self converted to an integer, if self is suitable for use as an index into a list.", 0},
    {"__matmul__", NBO(nb_matrix_multiply), slot_nb_matrix_multiply, wrap_binary_l, 0, 0, "Return self@value.", 0},
    {"__rmatmul__", NBO(nb_matrix_multiply), slot_nb_matrix_multiply, wrap_binary_r, 0, 0, "Return value@self.", 0},
    {"__imatmul__", NBO(nb_inplace_matrix_multiply), slot_nb_inplace_matrix_multiply, wrap_binary_l, 0, 0, "Return self@=value.", 0},
    {"__len__", MPO(mp_length), slot_sq_length, wrap_lenfunc, 0, 0, "Return len(self).", 0},
    {"__getitem__", MPO(mp_subscript), slot_mp_subscript, wrap_binary_l, 0, 0, "Return self[key].", 0},
    {"__setitem__", MPO(mp_ass_subscript), slot_mp_ass_subscript, wrap_objobjargproc, 0, 0, "Set self[key] to value.", 0},
    {"__delitem__", MPO(mp_ass_subscript), slot_mp_ass_subscript, wrap_delitem, 0, 0, "Delete self[key].", 0},
    {"__len__", SQO(sq_length), slot_sq_length, wrap_lenfunc, 0, 0, "Return len(self).", 0},
    {"__add__", SQO(sq_concat), NULL, wrap_binary_l, 0, 0, "Return self+value.", 0},
    {"__mul__", SQO(sq_repeat), NULL, wrap_indexarg, 0, 0, "Return self*value.", 0},
    {"__rmul__", SQO(sq_repeat), NULL, wrap_indexarg, 0, 0, "Return value*self.", 0},
    {"__getitem__", SQO(sq_item), slot_sq_item, wrap_sq_item, 0, 0, "Return self[key].", 0},
    {"__setitem__", SQO(sq_ass_item), slot_sq_ass_item, wrap_sq_setitem, 0, 0, "Set self[key] to value.", 0},
    {"__delitem__", SQO(sq_ass_item), slot_sq_ass_item, wrap_sq_delitem, 0, 0, "Delete self[key].", 0},
    {"__contains__", SQO(sq_contains), slot_sq_contains, wrap_objobjproc, 0, 0, "Return key in self.", 0},
    {"__iadd__", SQO(sq_inplace_concat), NULL, wrap_binary_l, 0, 0, "Implement self+=value.", 0},
    {"__imul__", SQO(sq_inplace_repeat), NULL, wrap_indexarg, 0, 0, "Implement self*=value.", 0},
};
const int wf_slotdefs_count = (int)(sizeof wf_slotdefs / sizeof wf_slotdefs[0]);

void wf_slots_init(void) {
  static bool done;
  if (done) return;
  done = true;
  for (int i = 0; i < wf_slotdefs_count; i++) wf_slotdefs[i].name_str = wf_str_intern_cstr(wf_slotdefs[i].name);
  for (int i = 0; i < B_COUNT; i++) {
    bname[i] = wf_str_intern_cstr(bcname[i]);
    brname[i] = wf_str_intern_cstr(brcname[i]);
  }
}

bool wf_slot_is_generic(void *fn) {
  for (int i = 0; i < wf_slotdefs_count; i++)
    if (wf_slotdefs[i].function == fn) return true;
  return false;
}

/* ---- Recomputing a heap type's slots ---------------------------------------------------------------- */

static void update_one_slot(PyTypeObject *type, int offset) {
  void **ptr = wf_slot_ptr(type, offset);
  if (!ptr) return;
  void *generic = NULL, *specific = NULL;
  bool use_generic = false, any = false;
  for (int i = 0; i < wf_slotdefs_count; i++) {
    wf_slotdef *d = &wf_slotdefs[i];
    if (d->offset != offset) continue;
    PyObject *descr = wf_type_lookup(type, d->name_str);
    if (!descr) continue;
    any = true;
    if (d->function) generic = d->function;
    if (WF_TYPE(descr) == &wf_wrapper_descr_type && wf_descr_slotdef(descr)->offset == offset &&
        wf_type_is_subtype(type, wf_descr_objclass(descr))) {
      void *w = wf_descr_wrapped(descr);
      if (!specific || specific == w)
        specific = w;
      else
        use_generic = true;
    } else if (offset == TPO(tp_hash) && descr == WF_NONE) {
      specific = (void *)wf_object_hash_not_implemented;
    } else if (offset == TPO(tp_new) && wf_type_new_wrapper_target(descr)) {
      specific = (void *)wf_type_new_wrapper_target(descr);
    } else {
      use_generic = true;
      generic = d->function;
    }
  }
  if (!any) {
    *ptr = NULL;
    return;
  }
  if (specific && !use_generic)
    *ptr = specific;
  else
    *ptr = generic;
}

static void update_rec(PyTypeObject *type, PyObject *name, int depth) {
  if (!wf_type_has_flag(type, Py_TPFLAGS_HEAPTYPE)) return;
  for (int i = 0; i < wf_slotdefs_count; i++) {
    wf_slotdef *d = &wf_slotdefs[i];
    if (name && !wf_str_equal(d->name_str, name)) continue;
    if (!name && i > 0 && wf_slotdefs[i - 1].offset == d->offset) continue;
    update_one_slot(type, d->offset);
  }
  if (depth > 1000) return;
  PyObject *subs = WF_GC_LOAD(&type->tp_subclasses);
  if (subs)
    for (Py_ssize_t i = 0; i < WF_SIZE(subs); i++) update_rec((PyTypeObject *)WF_TUPLE_GET(subs, i), name, depth + 1);
}

void wf_type_update_slots(PyTypeObject *type, PyObject *name) {
  wf_slots_init();
  update_rec(type, name, 0);
}
