/* Number protocol: binary operators with reflection (CPython's
 * binary_op1: the right operand's slot first when its type is a proper
 * subtype of the left's), the sequence fallbacks of + and *, in-place
 * forms, pow, unary operators, index/int/float conversions. */
#include <stdio.h>
#include <stdlib.h>

#include "int.h"
#include "runtime.h"
#include "vmthread.h"
#include "errors.h"
#include "slots.h"
#include "exceptions.h"
#include "floatobject.h"
#include "int.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"

#define NB_OFF(f) offsetof(PyNumberMethods, f)
static const size_t binop_slot[WF_BINOP_COUNT] = {
    NB_OFF(nb_add),         NB_OFF(nb_subtract),  NB_OFF(nb_multiply), NB_OFF(nb_matrix_multiply),
    NB_OFF(nb_true_divide), NB_OFF(nb_floor_divide), NB_OFF(nb_remainder), NB_OFF(nb_divmod),
    NB_OFF(nb_power),       NB_OFF(nb_lshift),    NB_OFF(nb_rshift),   NB_OFF(nb_and),
    NB_OFF(nb_or),          NB_OFF(nb_xor)};
static const size_t inplace_slot[WF_BINOP_COUNT] = {
    NB_OFF(nb_inplace_add),         NB_OFF(nb_inplace_subtract),     NB_OFF(nb_inplace_multiply),
    NB_OFF(nb_inplace_matrix_multiply), NB_OFF(nb_inplace_true_divide), NB_OFF(nb_inplace_floor_divide),
    NB_OFF(nb_inplace_remainder),   0,                               NB_OFF(nb_inplace_power),
    NB_OFF(nb_inplace_lshift),      NB_OFF(nb_inplace_rshift),       NB_OFF(nb_inplace_and),
    NB_OFF(nb_inplace_or),          NB_OFF(nb_inplace_xor)};
static const char *const opname[WF_BINOP_COUNT] = {"+", "-", "*", "@", "/", "//", "%", "divmod()", "** or pow()",
                                                   "<<", ">>", "&", "|", "^"};
static const char *const iopname[WF_BINOP_COUNT] = {"+=", "-=", "*=", "@=", "/=", "//=", "%=", "divmod()", "**=",
                                                    "<<=", ">>=", "&=", "|=", "^="};

static inline void *nb_slot(PyTypeObject *t, size_t off) {
  if (!t->tp_as_number) return NULL;
  return *(void **)((char *)t->tp_as_number + off);
}

static PyObject *call_slot(void *slot, PyObject *a, PyObject *b, wf_binop op) {
  if (op == WF_BINOP_POW) return ((ternaryfunc)slot)(a, b, WF_NONE);
  return ((binaryfunc)slot)(a, b);
}

static PyObject *binary_op1(PyObject *v, PyObject *w, wf_binop op) {
  void *slotv = nb_slot(WF_TYPE(v), binop_slot[op]);
  void *slotw = NULL;
  if (WF_TYPE(w) != WF_TYPE(v)) {
    slotw = nb_slot(WF_TYPE(w), binop_slot[op]);
    if (slotw == slotv) slotw = NULL;
  }
  if (slotv) {
    if (slotw && wf_type_is_subtype(WF_TYPE(w), WF_TYPE(v))) {
      PyObject *x = call_slot(slotw, v, w, op);
      if (x != WF_NOTIMPLEMENTED) return x;
      slotw = NULL;
    }
    PyObject *x = call_slot(slotv, v, w, op);
    if (x != WF_NOTIMPLEMENTED) return x;
  }
  if (slotw) return call_slot(slotw, v, w, op);
  return WF_NOTIMPLEMENTED;
}

static PyObject *binop_error(PyObject *v, PyObject *w, const char *name) {
  if (WF_TYPE(v) == &wf_builtin_function_type && name[0] == '>' && name[1] == '>') {
    /* print >> x: CPython adds a hint for print; keep the plain message. */
  }
  return wf_err_format(&wf_TypeError_type, "unsupported operand type(s) for %.100s: '%.100s' and '%.100s'", name,
                       WF_TYPE(v)->tp_name, WF_TYPE(w)->tp_name);
}

static PyObject *sequence_repeat(ssizeargfunc repeat, PyObject *seq, PyObject *n) {
  if (!wf_index_check(n))
    return wf_err_format(&wf_TypeError_type, "can't multiply sequence by non-int of type '%.200s'", WF_TYPE(n)->tp_name);
  Py_ssize_t count = wf_number_as_ssize_t(n, &wf_OverflowError_type);
  if (count == -1 && wf_err_occurred()) return NULL;
  return repeat(seq, count);
}

PyObject *wf_number_binop(PyObject *a, PyObject *b, wf_binop op) {
  WF_GC_ROOT(a);
  WF_GC_ROOT(b);
  PyObject *r = binary_op1(a, b, op);
  if (r != WF_NOTIMPLEMENTED) return r;
  if (op == WF_BINOP_ADD) {
    PySequenceMethods *sq = WF_TYPE(a)->tp_as_sequence;
    if (sq && sq->sq_concat) return sq->sq_concat(a, b);
  } else if (op == WF_BINOP_MUL) {
    PySequenceMethods *mv = WF_TYPE(a)->tp_as_sequence, *mw = WF_TYPE(b)->tp_as_sequence;
    if (mv && mv->sq_repeat) return sequence_repeat(mv->sq_repeat, a, b);
    if (mw && mw->sq_repeat) return sequence_repeat(mw->sq_repeat, b, a);
  }
  return binop_error(a, b, opname[op]);
}

PyObject *wf_number_inplace(PyObject *a, PyObject *b, wf_binop op) {
  WF_GC_ROOT(a);
  WF_GC_ROOT(b);
  if (op != WF_BINOP_DIVMOD) {
    void *islot = nb_slot(WF_TYPE(a), inplace_slot[op]);
    if (islot) {
      PyObject *x = op == WF_BINOP_POW ? ((ternaryfunc)islot)(a, b, WF_NONE) : ((binaryfunc)islot)(a, b);
      if (x != WF_NOTIMPLEMENTED) return x;
    }
  }
  PyObject *r = binary_op1(a, b, op);
  if (r != WF_NOTIMPLEMENTED) return r;
  PySequenceMethods *sq = WF_TYPE(a)->tp_as_sequence;
  if (op == WF_BINOP_ADD && sq) {
    if (sq->sq_inplace_concat) return sq->sq_inplace_concat(a, b);
    if (sq->sq_concat) return sq->sq_concat(a, b);
  } else if (op == WF_BINOP_MUL) {
    PySequenceMethods *mw = WF_TYPE(b)->tp_as_sequence;
    if (sq && sq->sq_inplace_repeat) return sequence_repeat(sq->sq_inplace_repeat, a, b);
    if (sq && sq->sq_repeat) return sequence_repeat(sq->sq_repeat, a, b);
    if (mw && mw->sq_repeat) return sequence_repeat(mw->sq_repeat, b, a);
  }
  return binop_error(a, b, iopname[op]);
}

PyObject *wf_number_power(PyObject *a, PyObject *b, PyObject *mod) {
  if (!mod || mod == WF_NONE) return wf_number_binop(a, b, WF_BINOP_POW);
  WF_GC_ROOT(a);
  WF_GC_ROOT(b);
  WF_GC_ROOT(mod);
  ternaryfunc sv = nb_slot(WF_TYPE(a), binop_slot[WF_BINOP_POW]);
  ternaryfunc sw = NULL;
  if (WF_TYPE(b) != WF_TYPE(a)) {
    sw = nb_slot(WF_TYPE(b), binop_slot[WF_BINOP_POW]);
    if (sw == sv) sw = NULL;
  }
  if (sv) {
    if (sw && wf_type_is_subtype(WF_TYPE(b), WF_TYPE(a))) {
      PyObject *x = sw(a, b, mod);
      if (x != WF_NOTIMPLEMENTED) return x;
      sw = NULL;
    }
    PyObject *x = sv(a, b, mod);
    if (x != WF_NOTIMPLEMENTED) return x;
  }
  if (sw) {
    PyObject *x = sw(a, b, mod);
    if (x != WF_NOTIMPLEMENTED) return x;
  }
  ternaryfunc sz = nb_slot(WF_TYPE(mod), binop_slot[WF_BINOP_POW]);
  if (sz && sz != sv && sz != sw) {
    PyObject *x = sz(a, b, mod);
    if (x != WF_NOTIMPLEMENTED) return x;
  }
  return wf_err_format(&wf_TypeError_type, "unsupported operand type(s) for pow(): '%.100s', '%.100s', '%.100s'",
                       WF_TYPE(a)->tp_name, WF_TYPE(b)->tp_name, WF_TYPE(mod)->tp_name);
}

static PyObject *unary(PyObject *o, size_t off, const char *what) {
  unaryfunc f = nb_slot(WF_TYPE(o), off);
  if (f) return f(o);
  return wf_err_format(&wf_TypeError_type, "bad operand type for %s: '%.200s'", what, WF_TYPE(o)->tp_name);
}

PyObject *wf_number_negative(PyObject *o) { return unary(o, NB_OFF(nb_negative), "unary -"); }
PyObject *wf_number_positive(PyObject *o) { return unary(o, NB_OFF(nb_positive), "unary +"); }
PyObject *wf_number_invert(PyObject *o) { return unary(o, NB_OFF(nb_invert), "unary ~"); }
PyObject *wf_number_absolute(PyObject *o) { return unary(o, NB_OFF(nb_absolute), "abs()"); }

bool wf_index_check(PyObject *o) { return nb_slot(WF_TYPE(o), NB_OFF(nb_index)) != NULL; }

PyObject *wf_number_index(PyObject *o) {
  if (wf_int_check(o)) return o;
  unaryfunc f = nb_slot(WF_TYPE(o), NB_OFF(nb_index));
  if (!f)
    return wf_err_format(&wf_TypeError_type, "'%.200s' object cannot be interpreted as an integer", WF_TYPE(o)->tp_name);
  PyObject *r = f(o);
  if (!r || wf_int_check_exact(r)) return r;
  if (!wf_int_check(r))
    return wf_err_format(&wf_TypeError_type, "__index__ returned non-int (type %.200s)", WF_TYPE(r)->tp_name);
  return r; /* 3.11 warns (DeprecationWarning) for int subclasses; no warnings module yet */
}

Py_ssize_t wf_number_as_ssize_t(PyObject *o, PyTypeObject *exc) {
  WF_GC_ROOT(o);
  PyObject *i = wf_number_index(o);
  if (!i) return -1;
  WF_GC_ROOT(i); /* raising the OverflowError below is a safepoint */
  Py_ssize_t r = wf_int_as_ssize(i);
  if (r == -1 && wf_err_occurred()) {
    if (!wf_err_matches(&wf_OverflowError_type)) return -1;
    wf_err_clear();
    if (!exc) return wf_int_sign(i) < 0 ? ((Py_ssize_t)(-(Py_ssize_t)(((size_t)-1) >> 1) - 1)) : ((Py_ssize_t)(((size_t)-1) >> 1));
    wf_err_format(exc, "cannot fit '%.200s' into an index-sized integer", WF_TYPE(o)->tp_name);
    return -1;
  }
  return r;
}

PyObject *wf_number_long(PyObject *o) {
  if (wf_int_check_exact(o)) return o;
  WF_GC_ROOT(o);
  unaryfunc f = nb_slot(WF_TYPE(o), NB_OFF(nb_int));
  if (f) {
    PyObject *r = f(o);
    if (!r || wf_int_check_exact(r)) return r;
    if (!wf_int_check(r))
      return wf_err_format(&wf_TypeError_type, "__int__ returned non-int (type %.200s)", WF_TYPE(r)->tp_name);
    return r;
  }
  if (nb_slot(WF_TYPE(o), NB_OFF(nb_index))) return wf_number_index(o);
  int found;
  PyObject *t = wf_call_special(o, WF_ID(__trunc__), NULL, 0, &found);
  if (found) {
    if (!t) return NULL;
    if (wf_int_check(t)) return t;
    return wf_number_index(t);
  }
  if (wf_str_check(o)) {
    Py_ssize_t n;
    const char *s = wf_str_as_utf8(o, &n);
    if (!s) return NULL;
    return wf_int_from_string(s, n, 10);
  }
  return wf_err_format(&wf_TypeError_type,
                       "int() argument must be a string, a bytes-like object or a real number, not '%.200s'",
                       WF_TYPE(o)->tp_name);
}

PyObject *wf_number_float(PyObject *o) {
  if (WF_TYPE(o) == &wf_float_type) return o;
  WF_GC_ROOT(o);
  unaryfunc f = nb_slot(WF_TYPE(o), NB_OFF(nb_float));
  if (f) {
    PyObject *r = f(o);
    if (!r || WF_TYPE(r) == &wf_float_type) return r;
    if (!wf_float_check(r))
      return wf_err_format(&wf_TypeError_type, "%.50s.__float__ returned non-float (type %.50s)", WF_TYPE(o)->tp_name,
                           WF_TYPE(r)->tp_name);
    return wf_float_from_double(((PyFloatObject *)r)->ob_fval);
  }
  if (nb_slot(WF_TYPE(o), NB_OFF(nb_index))) {
    PyObject *i = wf_number_index(o);
    if (!i) return NULL;
    double d = wf_int_as_double(i);
    if (d == -1.0 && wf_err_occurred()) return NULL;
    return wf_float_from_double(d);
  }
  return wf_err_format(&wf_TypeError_type, "float() argument must be a string or a real number, not '%.200s'",
                       WF_TYPE(o)->tp_name);
}
