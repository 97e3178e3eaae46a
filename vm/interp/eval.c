/* The eval loop: computed-goto dispatch over vm/compile/opcodes.def.
 *
 * Python-to-Python calls (CALL of a plain function) do not recurse in C: the
 * callee's frame is pushed on the data stack and the loop continues in it;
 * RETURN_VALUE and exception unwinding pop back to the caller.  The C
 * function returns when the frame it was entered with (`entry`) returns,
 * yields or raises.
 *
 * GC: every frame slot up to co_stacksize is scanned (interp.h), so the
 * loop keeps operands on the value stack until the operation using them
 * returns and never roots C locals; helpers that hold objects across a
 * safepoint live in eval_helpers.c.  A generator's frame is in the heap, but
 * the loop stores into its slots without the write barrier: a running
 * frame is a root scanned at every pause.
 *
 * frame->lasti is stored at each instruction (tracebacks, f_lineno, the
 * exception table); a frame suspended in a call keeps the CALL's offset and
 * its stack depth in stacktop. */
#include <math.h>
#include <string.h>

#include "descr.h"
#include "dict.h"
#include "errors.h"
#include "eval_helpers.h"
#include "exceptions.h"
#include "floatobject.h"
#include "gen.h"
#include "ic.h"
#include "int.h"
#include "list.h"
#include "opcodes.h"
#include "protocol.h"
#include "range.h"
#include "runtime.h"
#include "set.h"
#include "slice.h"
#include "str.h"
#include "thread.h"
#include "tuple.h"
#include "typeobject.h"

#define SMALL_LIMIT ((int64_t)1 << 60)

/* Exact one-word int fast paths: both operands fit, result checked. */
static inline PyObject *int_binop_fast(PyObject *a, PyObject *b, int op) {
  int64_t x, y, r;
  if (!wf_int_small_value(a, &x) || !wf_int_small_value(b, &y)) return NULL;
  switch (op) {
  case WF_BINOP_ADD: r = x + y; break;
  case WF_BINOP_SUB: r = x - y; break;
  case WF_BINOP_MUL:
    if (__builtin_mul_overflow(x, y, &r)) return NULL;
    break;
  case WF_BINOP_FLOORDIV:
    if (y == 0) return NULL;
    r = x / y;
    if ((x % y != 0) && ((x < 0) != (y < 0))) r--;
    break;
  case WF_BINOP_MOD:
    if (y == 0) return NULL;
    r = x % y;
    if (r != 0 && ((r < 0) != (y < 0))) r += y;
    break;
  case WF_BINOP_AND: r = x & y; break;
  case WF_BINOP_OR: r = x | y; break;
  case WF_BINOP_XOR: r = x ^ y; break;
  case WF_BINOP_LSHIFT:
    if (y < 0 || y >= 62 || x == 0) {
      if (x == 0 && y >= 0) return WF_INT_SMALL(0);
      return NULL;
    }
    if (x >= 0 ? x > (INT64_MAX >> y) : x < (INT64_MIN >> y)) return NULL;
    r = (int64_t)((uint64_t)x << y); /* range checked above; unsigned avoids UB for x < 0 */
    break;
  case WF_BINOP_RSHIFT:
    if (y < 0) return NULL;
    r = y >= 63 ? (x < 0 ? -1 : 0) : x >> y;
    break;
  default: return NULL;
  }
  if (r >= WF_INT_SMALL_MIN && r <= WF_INT_SMALL_MAX) return WF_INT_SMALL(r);
  return wf_int_from_int64(r);
}

static inline PyObject *float_binop_fast(double x, double y, int op) {
  switch (op) {
  case WF_BINOP_ADD: return wf_float_from_double(x + y);
  case WF_BINOP_SUB: return wf_float_from_double(x - y);
  case WF_BINOP_MUL: return wf_float_from_double(x * y);
  case WF_BINOP_TRUEDIV:
    if (y == 0.0) return NULL;
    return wf_float_from_double(x / y);
  case WF_BINOP_POW: {
    /* only the plain case: positive finite base, finite operands and result */
    if (!(x > 0.0) || !isfinite(x) || !isfinite(y)) return NULL;
    double r = pow(x, y);
    if (!isfinite(r)) return NULL;
    return wf_float_from_double(r);
  }
  default: return NULL;
  }
}

static inline int cmp_result(int64_t x, int64_t y, int op) {
  switch (op) {
  case Py_LT: return x < y;
  case Py_LE: return x <= y;
  case Py_EQ: return x == y;
  case Py_NE: return x != y;
  case Py_GT: return x > y;
  default: return x >= y;
  }
}

static inline int fcmp_result(double x, double y, int op) {
  switch (op) {
  case Py_LT: return x < y;
  case Py_LE: return x <= y;
  case Py_EQ: return x == y;
  case Py_NE: return x != y;
  case Py_GT: return x > y;
  default: return x >= y;
  }
}

static PyObject *binop_slow(PyObject *a, PyObject *b, int oparg) {
  int op = oparg & 0xff;
  if (oparg & WF_BINOP_INPLACE_ARG) return wf_number_inplace(a, b, (wf_binop)op);
  if (op == WF_BINOP_POW) return wf_number_power(a, b, WF_NONE);
  return wf_number_binop(a, b, (wf_binop)op);
}

/* list[i] / tuple[i] for an exact int index, NULL when not applicable. */
static inline PyObject *subscr_fast(PyObject *c, PyObject *k, bool *done) {
  int64_t i;
  *done = false;
  if (!wf_int_check_exact(k) || !wf_int_small_value(k, &i)) return NULL;
  PyTypeObject *t = WF_TYPE(c);
  if (t == &wf_list_type) {
    if (i < 0) i += wf_list_size(c);
    if (i < 0) return NULL;
    *done = true;
    PyObject *v = wf_list_read(c, (Py_ssize_t)i);
    if (!v) wf_err_set_string(&wf_IndexError_type, "list index out of range");
    return v;
  }
  if (t == &wf_tuple_type) {
    Py_ssize_t n = WF_SIZE(c);
    if (i < 0) i += n;
    *done = true;
    if (i < 0 || i >= n) return wf_err_set_string(&wf_IndexError_type, "tuple index out of range");
    return WF_TUPLE_GET(c, i);
  }
  return NULL;
}


/* A C function of the common conventions (METH_O, METH_NOARGS, METH_FASTCALL)
 * called without keywords, without the vectorcall trampolines; `*done` false
 * sends the call down the general path (which words every error). */
static inline PyObject *call_cdef_direct(PyMethodDef *def, PyObject *self, PyObject *const *args, size_t nargs,
                                         bool *done) {
  int flags = def->ml_flags & ~(METH_CLASS | METH_STATIC | METH_COEXIST);
  bool ok = (flags == METH_O && nargs == 1) || (flags == METH_NOARGS && nargs == 0) ||
            flags == METH_FASTCALL || flags == (METH_FASTCALL | METH_KEYWORDS);
  *done = ok;
  if (!ok) return NULL;
  if (wf_enter_recursive(" while calling a Python object") < 0) return NULL;
  PyObject *r = wf_cdef_call_simple(def, flags, self, args, (Py_ssize_t)nargs, NULL);
  wf_leave_recursive();
  if (!r && !wf_err_occurred())
    return wf_err_format(&wf_SystemError_type, "<built-in method %s> returned NULL without setting an exception",
                         def->ml_name);
  return r;
}

/* CALL of anything but a plain function.  The callable and the arguments
 * are on the caller's value stack (scanned roots) and CALL has polled, so a
 * vectorcall callable is called without wf_call's rooting.  Out of line:
 * keeps the loop's register allocation tight. */
static __attribute__((noinline)) PyObject *call_non_function(PyObject *callable, PyObject *const *args, size_t nargs,
                                                             PyObject *kwnames) {
  PyTypeObject *ct = WF_TYPE(callable);
  if (!kwnames) {
    bool done = false;
    PyObject *r = NULL;
    if (ct == &wf_method_descr_type) {
      wf_method_descr *d = (wf_method_descr *)callable;
      if (nargs >= 1 && WF_TYPE(args[0]) == d->d_type) r = call_cdef_direct(d->d_method, args[0], args + 1, nargs - 1, &done);
    } else if (ct == &wf_builtin_function_type) {
      wf_cfunction *f = (wf_cfunction *)callable;
      r = call_cdef_direct(f->m_ml, f->m_self, args, nargs, &done);
    }
    if (done) return r;
  }
  vectorcallfunc vc = wf_vectorcall_of(callable);
  if (!vc) return wf_call(callable, args, nargs, kwnames);
  PyObject *r = vc(callable, args, nargs, kwnames);
  if (!r && !wf_err_occurred())
    return wf_err_format(&wf_SystemError_type, "%R returned NULL without setting an exception", callable);
  return r;
}

static PyObject *gen_outer(wf_frame *f) { return ((wf_gen *)f->gen)->gi_outer_exc; }

PyObject *wf_eval_frame(wf_frame *f, PyObject *sent, bool throwing) {
  static void *const dispatch_table[256] = {
#define WF_OP_LABEL_(name, cache) [WF_OP_##name] = &&L_##name,
      WF_OPCODES(WF_OP_LABEL_)
#undef WF_OP_LABEL_
  };
  wf_vmthread *vm = wf_vm();
  bool is_gen = f->gen != NULL;
  if (wf_interp_check_c_stack() < 0) return NULL;
  if (is_gen) {
    if (vm->py_depth >= wf_recursion_limit_get()) {
      wf_err_set_string(&wf_RecursionError_type, "maximum recursion depth exceeded");
      return NULL;
    }
    f->previous = vm->frame;
    vm->frame = f;
    vm->py_depth++;
  }
  wf_frame *const entry = f;
  wf_frame *frame = f;
  wf_code *co;
  const uint32_t *first_instr, *next_instr;
  PyObject **localsplus, **stack_base, **sp;
  PyObject *const *consts;
  PyObject *const *names;
  PyObject *kwnames = NULL;
  uint32_t oparg;
  PyObject *retval = NULL;
  int32_t unwind_at = -1; /* RERAISE: look handlers up here, not at the restored lasti */

#define LOAD_REGS()                                  \
  do {                                               \
    co = frame->code;                                \
    first_instr = co->co_words;                      \
    localsplus = frame->localsplus;                  \
    stack_base = localsplus + co->co_nlocalsplus;    \
    consts = WF_TUPLE_ITEMS(co->co_consts);          \
    names = WF_TUPLE_ITEMS(co->co_names);            \
  } while (0)

#define DISPATCH()                                             \
  do {                                                         \
    uint32_t w_ = *next_instr;                                 \
    frame->lasti = (int32_t)(next_instr - first_instr);        \
    next_instr++;                                              \
    oparg = w_ >> 8;                                           \
    goto *dispatch_table[w_ & 0xff];                           \
  } while (0)
#define TARGET(op) L_##op:
#define CACHE() (*next_instr++)
#define JUMPTO(x) (next_instr = first_instr + (x))
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define PEEK(n) (sp[-(Py_ssize_t)(n)])
#define ERROR_IF(c) \
  do {              \
    if (c) goto error; \
  } while (0)

  LOAD_REGS();
  if (f->state == WF_FRAME_SUSPENDED) {
    sp = stack_base + f->stacktop;
    next_instr = first_instr + f->lasti;
    if (!throwing) PUSH(sent);
    f->state = WF_FRAME_EXECUTING;
    if (throwing) {
      f->lasti = f->lasti > 0 ? f->lasti - 1 : 0;
      goto error;
    }
  } else {
    sp = stack_base;
    next_instr = first_instr;
    f->state = WF_FRAME_EXECUTING;
    if (throwing) goto error;
  }
  wf_code_warm(co);
  DISPATCH();

  TARGET(NOP) { DISPATCH(); }
  TARGET(POP_TOP) {
    sp--;
    DISPATCH();
  }
  TARGET(PUSH_NULL) {
    PUSH(NULL);
    DISPATCH();
  }
  TARGET(COPY) {
    PyObject *v = PEEK(oparg);
    PUSH(v);
    DISPATCH();
  }
  TARGET(SWAP) {
    PyObject *t = TOP();
    TOP() = PEEK(oparg);
    PEEK(oparg) = t;
    DISPATCH();
  }
  TARGET(LOAD_CONST) {
    PUSH(consts[oparg]);
    DISPATCH();
  }
  /* Push local i, or raise UnboundLocalError. */
#define PUSH_LOCAL(i)                        \
  do {                                       \
    PyObject *v_ = localsplus[i];            \
    if (__builtin_expect(!v_, 0)) {          \
      wf_eval_unbound_local(co, (int)(i));   \
      goto error;                            \
    }                                        \
    PUSH(v_);                                \
  } while (0)
  TARGET(LOAD_FAST) {
    PUSH_LOCAL(oparg);
    DISPATCH();
  }
  TARGET(STORE_FAST) {
    localsplus[oparg] = POP();
    DISPATCH();
  }
  /* Pairs (opcodes.def): the second instruction's word follows; errors in
   * it are reported at its own offset. */
#define PAIR_ARG() wf_instr_arg(*next_instr)
#define PAIR_PUSH_LOCAL()                                                                  \
  do {                                                                                     \
    uint32_t i2_ = PAIR_ARG();                                                             \
    if (__builtin_expect(!localsplus[i2_], 0)) frame->lasti = (int32_t)(next_instr - first_instr); \
    PUSH_LOCAL(i2_);                                                                       \
    next_instr++;                                                                          \
  } while (0)
  TARGET(LOAD_FAST__LOAD_FAST) {
    PUSH_LOCAL(oparg);
    PAIR_PUSH_LOCAL();
    DISPATCH();
  }
  TARGET(LOAD_FAST__LOAD_CONST) {
    PUSH_LOCAL(oparg);
    PUSH(consts[PAIR_ARG()]);
    next_instr++;
    DISPATCH();
  }
  TARGET(LOAD_CONST__LOAD_FAST) {
    PUSH(consts[oparg]);
    PAIR_PUSH_LOCAL();
    DISPATCH();
  }
  TARGET(STORE_FAST__LOAD_FAST) {
    localsplus[oparg] = POP();
    PAIR_PUSH_LOCAL();
    DISPATCH();
  }
  TARGET(STORE_FAST__STORE_FAST) {
    localsplus[oparg] = POP();
    localsplus[PAIR_ARG()] = POP();
    next_instr++;
    DISPATCH();
  }
#undef PAIR_PUSH_LOCAL
#undef PAIR_ARG
  TARGET(DELETE_FAST) {
    if (!localsplus[oparg]) {
      wf_eval_unbound_local(co, (int)oparg);
      goto error;
    }
    localsplus[oparg] = NULL;
    DISPATCH();
  }
  TARGET(MAKE_CELL) {
    PyObject *cell = wf_cell_new(localsplus[oparg]);
    ERROR_IF(!cell);
    localsplus[oparg] = cell;
    DISPATCH();
  }
  TARGET(COPY_FREE_VARS) {
    PyObject *closure = frame->func ? ((wf_function *)frame->func)->func_closure : NULL;
    if (closure) {
      int off = co->co_nlocalsplus - (int)oparg;
      for (uint32_t i = 0; i < oparg; i++) localsplus[off + (int)i] = WF_TUPLE_GET(closure, i);
    }
    DISPATCH();
  }
  TARGET(LOAD_CLOSURE) {
    PUSH(localsplus[oparg]);
    DISPATCH();
  }
  TARGET(LOAD_DEREF) {
    PyObject *v = wf_cell_get(localsplus[oparg]);
    if (!v) {
      wf_eval_unbound_deref(co, (int)oparg);
      goto error;
    }
    PUSH(v);
    DISPATCH();
  }
  TARGET(LOAD_CLASSDEREF) {
    PyObject *v = wf_eval_load_classderef(frame, (int)oparg);
    ERROR_IF(!v);
    PUSH(v);
    DISPATCH();
  }
  TARGET(STORE_DEREF) {
    wf_cell_set(localsplus[oparg], POP());
    DISPATCH();
  }
  TARGET(DELETE_DEREF) {
    if (!wf_cell_get(localsplus[oparg])) {
      wf_eval_unbound_deref(co, (int)oparg);
      goto error;
    }
    wf_cell_set(localsplus[oparg], NULL);
    DISPATCH();
  }

  /* ---- names ---- */
  TARGET(LOAD_NAME) {
    PyObject *v = wf_eval_load_name(frame, names[oparg]);
    ERROR_IF(!v);
    PUSH(v);
    DISPATCH();
  }
  TARGET(STORE_NAME) {
    ERROR_IF(wf_eval_store_name(frame, names[oparg], TOP()) < 0);
    sp--;
    DISPATCH();
  }
  TARGET(DELETE_NAME) {
    ERROR_IF(wf_eval_delete_name(frame, names[oparg]) < 0);
    DISPATCH();
  }
  TARGET(LOAD_GLOBAL) {
    uint32_t ci = CACHE();
    if (oparg & 1) PUSH(NULL);
    PyObject *v = wf_ic_load_global_hit(co, ci, frame->globals, frame->builtins, names[oparg >> 1]);
    if (__builtin_expect(!v, 0)) {
      v = wf_ic_load_global(co, ci, frame->globals, frame->builtins, names[oparg >> 1]);
      ERROR_IF(!v);
    }
    PUSH(v);
    DISPATCH();
  }
  TARGET(STORE_GLOBAL) {
    ERROR_IF(wf_dict_setitem(frame->globals, names[oparg], TOP()) < 0);
    sp--;
    DISPATCH();
  }
  TARGET(DELETE_GLOBAL) {
    ERROR_IF(wf_eval_delete_global(frame, names[oparg]) < 0);
    DISPATCH();
  }

  /* ---- attributes and items ---- */
  TARGET(LOAD_ATTR) {
    uint32_t ci = CACHE();
    PyObject *v = wf_ic_load_attr_hit(co, ci, TOP(), names[oparg]);
    if (__builtin_expect(!v, 0)) {
      v = wf_ic_load_attr(co, ci, TOP(), names[oparg]);
      ERROR_IF(!v);
    }
    TOP() = v;
    DISPATCH();
  }
  TARGET(STORE_ATTR) {
    uint32_t ci = CACHE();
    if (__builtin_expect(!wf_ic_store_attr_hit(co, ci, TOP(), names[oparg], SECOND()), 0))
      ERROR_IF(wf_ic_store_attr(co, ci, TOP(), names[oparg], SECOND()) < 0);
    sp -= 2;
    DISPATCH();
  }
  TARGET(DELETE_ATTR) {
    ERROR_IF(wf_object_setattr(TOP(), names[oparg], NULL) < 0);
    sp--;
    DISPATCH();
  }
  TARGET(LOAD_METHOD) {
    uint32_t ci = CACHE();
    PyObject *obj = TOP(), *meth = NULL;
    int r = wf_ic_load_method_hit(co, ci, obj, names[oparg], &meth);
    if (__builtin_expect(r == 2, 0)) {
      r = wf_ic_load_method(co, ci, obj, names[oparg], &meth);
      ERROR_IF(r < 0);
    }
    if (r) {
      TOP() = meth;
      PUSH(obj);
    } else {
      TOP() = NULL;
      PUSH(meth);
    }
    DISPATCH();
  }
  TARGET(BINARY_SUBSCR) {
    uint32_t ci = CACHE();
    PyObject *c = SECOND(), *k = TOP(), *v;
    bool done;
    v = subscr_fast(c, k, &done);
    if (!done) {
      wf_ic_note_types(co, ci, WF_TYPE(c), WF_TYPE(k));
      if (WF_TYPE(c) == &wf_dict_type) {
        v = wf_dict_getitem_err(c, k);
        if (!v && !wf_err_occurred()) wf_err_set_key(k);
      } else {
        v = wf_object_getitem(c, k);
      }
    }
    ERROR_IF(!v);
    sp--;
    TOP() = v;
    DISPATCH();
  }
  TARGET(STORE_SUBSCR) {
    uint32_t ci = CACHE();
    PyObject *v = PEEK(3), *c = SECOND(), *k = TOP();
    int r;
    int64_t idx;
    if (WF_TYPE(c) == &wf_list_type && WF_TYPE(k) == &wf_int_type && wf_int_small_value(k, &idx) && idx >= 0) {
      ERROR_IF(wf_list_set(c, (Py_ssize_t)idx, v) < 0);
      sp -= 3;
      DISPATCH();
    }
    wf_ic_note_types(co, ci, WF_TYPE(c), WF_TYPE(k));
    if (WF_TYPE(c) == &wf_dict_type)
      r = wf_dict_setitem(c, k, v);
    else
      r = wf_object_setitem(c, k, v);
    ERROR_IF(r < 0);
    sp -= 3;
    DISPATCH();
  }
  TARGET(DELETE_SUBSCR) {
    ERROR_IF(wf_object_delitem(SECOND(), TOP()) < 0);
    sp -= 2;
    DISPATCH();
  }
  TARGET(BUILD_SLICE) {
    PyObject *s;
    if (oparg == 3)
      s = wf_slice_new(PEEK(3), PEEK(2), PEEK(1));
    else
      s = wf_slice_new(PEEK(2), PEEK(1), NULL);
    ERROR_IF(!s);
    sp -= oparg;
    PUSH(s);
    DISPATCH();
  }

  /* ---- operators ---- */
  TARGET(BINARY_OP) {
    uint32_t ci = CACHE();
    PyObject *a = SECOND(), *b = TOP(), *r = NULL;
    PyTypeObject *ta = WF_TYPE(a), *tb = WF_TYPE(b);
    int op = (int)(oparg & 0xff);
    if (ta == &wf_int_type && tb == &wf_int_type) {
      r = int_binop_fast(a, b, op);
    } else if (ta == &wf_float_type && tb == &wf_float_type) {
      r = float_binop_fast(wf_float_value(a), wf_float_value(b), op);
    } else if (ta == &wf_str_type && tb == &wf_str_type && op == WF_BINOP_ADD) {
      r = wf_str_concat(a, b);
      ERROR_IF(!r);
    }
    if (!r) {
      wf_ic_note_types(co, ci, ta, tb);
      r = binop_slow(a, b, (int)oparg);
      ERROR_IF(!r);
    }
    sp--;
    TOP() = r;
    DISPATCH();
  }
  TARGET(UNARY_POSITIVE) {
    PyObject *r = wf_number_positive(TOP());
    ERROR_IF(!r);
    TOP() = r;
    DISPATCH();
  }
  TARGET(UNARY_NEGATIVE) {
    PyObject *v = TOP(), *r;
    int64_t x;
    if (WF_TYPE(v) == &wf_int_type && wf_int_small_value(v, &x))
      r = wf_int_from_int64(-x); /* |x| < 2**60: no overflow */
    else if (WF_TYPE(v) == &wf_float_type)
      r = wf_float_from_double(-wf_float_value(v));
    else
      r = wf_number_negative(v);
    ERROR_IF(!r);
    TOP() = r;
    DISPATCH();
  }
  TARGET(UNARY_INVERT) {
    PyObject *r = wf_number_invert(TOP());
    ERROR_IF(!r);
    TOP() = r;
    DISPATCH();
  }
  TARGET(UNARY_NOT) {
    PyObject *v = TOP();
    int t = v == WF_TRUE ? 1 : v == WF_FALSE || v == WF_NONE ? 0 : wf_object_is_true(v);
    ERROR_IF(t < 0);
    TOP() = wf_bool_from(!t);
    DISPATCH();
  }
  TARGET(COMPARE_OP) {
    uint32_t ci = CACHE();
    PyObject *a = SECOND(), *b = TOP(), *r;
    PyTypeObject *ta = WF_TYPE(a), *tb = WF_TYPE(b);
    int64_t x, y;
    if (ta == &wf_int_type && tb == &wf_int_type && wf_int_small_value(a, &x) && wf_int_small_value(b, &y)) {
      r = wf_bool_from(cmp_result(x, y, (int)oparg));
    } else if (ta == &wf_float_type && tb == &wf_float_type) {
      r = wf_bool_from(fcmp_result(wf_float_value(a), wf_float_value(b), (int)oparg));
    } else {
      wf_ic_note_types(co, ci, ta, tb);
      r = wf_object_richcompare(a, b, (int)oparg);
      ERROR_IF(!r);
    }
    sp--;
    TOP() = r;
    DISPATCH();
  }
  TARGET(IS_OP) {
    bool r = (SECOND() == TOP()) ^ (oparg != 0);
    sp--;
    TOP() = wf_bool_from(r);
    DISPATCH();
  }
  TARGET(CONTAINS_OP) {
    int r = wf_sequence_contains(TOP(), SECOND());
    ERROR_IF(r < 0);
    sp--;
    TOP() = wf_bool_from((r != 0) ^ (oparg != 0));
    DISPATCH();
  }

  /* ---- control flow ---- */
  TARGET(JUMP_FORWARD) {
    JUMPTO(oparg);
    DISPATCH();
  }
  TARGET(JUMP_BACKWARD) {
    JUMPTO(oparg);
    WF_SAFEPOINT_POLL();
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_FALSE) {
    PyObject *v = POP();
    if (v == WF_FALSE) {
      JUMPTO(oparg);
    } else if (v != WF_TRUE) {
      int t = wf_object_is_true(v);
      if (t < 0) {
        sp++; /* keep it visible while unwinding */
        goto error;
      }
      if (!t) JUMPTO(oparg);
    }
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_TRUE) {
    PyObject *v = POP();
    if (v == WF_TRUE) {
      JUMPTO(oparg);
    } else if (v != WF_FALSE) {
      int t = wf_object_is_true(v);
      if (t < 0) {
        sp++;
        goto error;
      }
      if (t) JUMPTO(oparg);
    }
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_NONE) {
    if (POP() == WF_NONE) JUMPTO(oparg);
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_NOT_NONE) {
    if (POP() != WF_NONE) JUMPTO(oparg);
    DISPATCH();
  }
  TARGET(JUMP_IF_FALSE_OR_POP) {
    PyObject *v = TOP();
    int t = v == WF_TRUE ? 1 : v == WF_FALSE ? 0 : wf_object_is_true(v);
    ERROR_IF(t < 0);
    if (!t)
      JUMPTO(oparg);
    else
      sp--;
    DISPATCH();
  }
  TARGET(JUMP_IF_TRUE_OR_POP) {
    PyObject *v = TOP();
    int t = v == WF_TRUE ? 1 : v == WF_FALSE ? 0 : wf_object_is_true(v);
    ERROR_IF(t < 0);
    if (t)
      JUMPTO(oparg);
    else
      sp--;
    DISPATCH();
  }
  TARGET(GET_ITER) {
    PyObject *it = wf_object_getiter(TOP());
    ERROR_IF(!it);
    TOP() = it;
    DISPATCH();
  }
  TARGET(FOR_ITER) {
    uint32_t ci = CACHE();
    (void)ci;
    PyObject *it = TOP();
    PyTypeObject *itt = WF_TYPE(it);
    PyObject *v;
    if (itt == &wf_range_iter_type) {
      v = wf_rangeiter_next(it);
    } else if (itt == &wf_list_iter_type) {
      v = wf_listiter_next(it);
    } else {
      iternextfunc next = itt->tp_iternext;
      v = next ? next(it) : wf_iter_next(it);
    }
    if (v) {
      PUSH(v);
      DISPATCH();
    }
    if (wf_err_occurred()) {
      if (!wf_err_matches(&wf_StopIteration_type)) goto error;
      wf_err_clear();
    }
    sp--;
    JUMPTO(oparg);
    DISPATCH();
  }

  /* ---- building ---- */
  TARGET(BUILD_TUPLE) {
    PyObject *t = wf_tuple_from_array(sp - oparg, oparg);
    ERROR_IF(!t);
    sp -= oparg;
    PUSH(t);
    DISPATCH();
  }
  TARGET(BUILD_LIST) {
    PyObject *l = wf_list_from_array(sp - oparg, oparg);
    ERROR_IF(!l);
    sp -= oparg;
    PUSH(l);
    DISPATCH();
  }
  TARGET(BUILD_SET) {
    PyObject *s = wf_eval_build_set(sp - oparg, oparg);
    ERROR_IF(!s);
    sp -= oparg;
    PUSH(s);
    DISPATCH();
  }
  TARGET(BUILD_MAP) {
    PyObject *d = wf_eval_build_map(sp - 2 * oparg, oparg);
    ERROR_IF(!d);
    sp -= 2 * oparg;
    PUSH(d);
    DISPATCH();
  }
  TARGET(BUILD_CONST_KEY_MAP) {
    PyObject *d = wf_eval_build_const_key_map(sp - oparg - 1, TOP());
    ERROR_IF(!d);
    sp -= oparg + 1;
    PUSH(d);
    DISPATCH();
  }
  TARGET(BUILD_STRING) {
    PyObject *s = wf_eval_build_string(sp - oparg, oparg);
    ERROR_IF(!s);
    sp -= oparg;
    PUSH(s);
    DISPATCH();
  }
  TARGET(LIST_APPEND) {
    ERROR_IF(wf_list_append(PEEK(oparg + 1), TOP()) < 0);
    sp--;
    DISPATCH();
  }
  TARGET(SET_ADD) {
    ERROR_IF(wf_set_add(PEEK(oparg + 1), TOP()) < 0);
    sp--;
    DISPATCH();
  }
  TARGET(MAP_ADD) {
    PyObject *d = PEEK(oparg + 2);
    ERROR_IF(wf_object_setitem(d, SECOND(), TOP()) < 0);
    sp -= 2;
    DISPATCH();
  }
  TARGET(LIST_EXTEND) {
    ERROR_IF(wf_eval_list_extend(PEEK(oparg + 1), TOP()) < 0);
    sp--;
    DISPATCH();
  }
  TARGET(SET_UPDATE) {
    ERROR_IF(wf_eval_set_update(PEEK(oparg + 1), TOP()) < 0);
    sp--;
    DISPATCH();
  }
  TARGET(DICT_UPDATE) {
    ERROR_IF(wf_eval_dict_update(PEEK(oparg + 1), TOP()) < 0);
    sp--;
    DISPATCH();
  }
  TARGET(DICT_MERGE) {
    ERROR_IF(wf_eval_dict_merge(PEEK(oparg + 3), PEEK(oparg + 1), TOP()) < 0);
    sp--;
    DISPATCH();
  }
  TARGET(LIST_TO_TUPLE) {
    PyObject *t = wf_list_as_tuple(TOP());
    ERROR_IF(!t);
    TOP() = t;
    DISPATCH();
  }
  TARGET(UNPACK_SEQUENCE) {
    PyObject *seq = TOP();
    PyTypeObject *t = WF_TYPE(seq);
    if (t == &wf_tuple_type && WF_SIZE(seq) == (Py_ssize_t)oparg) {
      sp--;
      for (Py_ssize_t i = (Py_ssize_t)oparg - 1; i >= 0; i--) PUSH(WF_TUPLE_GET(seq, i));
      DISPATCH();
    }
    if (t == &wf_list_type && wf_list_unpack_reversed(seq, (Py_ssize_t)oparg, sp - 1)) {
      sp += (Py_ssize_t)oparg - 1;
      DISPATCH();
    }
    PyObject **out = sp - 1;
    ERROR_IF(wf_eval_unpack(seq, oparg, -1, out) < 0);
    for (uint32_t i = 0, j = oparg - 1; i < j; i++, j--) {
      PyObject *x = out[i];
      out[i] = out[j];
      out[j] = x;
    }
    sp = out + oparg;
    DISPATCH();
  }
  TARGET(UNPACK_EX) {
    Py_ssize_t before = oparg & 0xff, after = oparg >> 8, total = before + 1 + after;
    PyObject **out = sp - 1;
    ERROR_IF(wf_eval_unpack(TOP(), before, after, out) < 0);
    for (Py_ssize_t i = 0, j = total - 1; i < j; i++, j--) {
      PyObject *x = out[i];
      out[i] = out[j];
      out[j] = x;
    }
    sp = out + total;
    DISPATCH();
  }
  TARGET(FORMAT_VALUE) {
    bool has_spec = (oparg & 4) != 0;
    PyObject *spec = has_spec ? TOP() : NULL;
    PyObject *v = has_spec ? SECOND() : TOP();
    PyObject *r = wf_eval_format_value(v, (int)(oparg & 3), spec);
    ERROR_IF(!r);
    if (has_spec) sp--;
    TOP() = r;
    DISPATCH();
  }

  /* ---- calls ---- */
  TARGET(KW_NAMES) {
    kwnames = consts[oparg];
    DISPATCH();
  }
  TARGET(CALL) {
    uint32_t ci = CACHE();
    PyObject **base = sp - oparg - 2;
    PyObject *callable;
    PyObject **args;
    Py_ssize_t total;
    if (base[0]) {
      callable = base[0];
      args = base + 1;
      total = (Py_ssize_t)oparg + 1;
    } else {
      callable = base[1];
      if (WF_TYPE(callable) == &wf_method_type) {
        /* a bound method: call its function with self prepended in place */
        base[0] = ((wf_method *)callable)->im_func;
        base[1] = ((wf_method *)callable)->im_self;
        callable = base[0];
        args = base + 1;
        total = (Py_ssize_t)oparg + 1;
      } else {
        args = base + 2;
        total = (Py_ssize_t)oparg;
      }
    }
    Py_ssize_t nkw = kwnames ? WF_SIZE(kwnames) : 0;
    WF_SAFEPOINT_POLL();
    if (WF_TYPE(callable) == &wf_function_type) {
      wf_function *fn = (wf_function *)callable;
      wf_code *nco = (wf_code *)fn->func_code;
      wf_ic *rec = wf_ic_get(co, ci);
      if (__builtin_expect(!rec || (rec->kind != WF_IC_MEGA_SITE && rec->types.code != nco), 0))
        wf_ic_note_types_slow(co, ci, rec, &wf_function_type, NULL, nco);
      if (!(nco->co_flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR))) {
        wf_frame *nf = wf_frame_push(nco, callable, fn->func_globals, fn->func_builtins, NULL);
        if (!nf) {
          kwnames = NULL;
          goto error;
        }
        Py_ssize_t npos = total - nkw;
        if (!nkw && npos == nco->co_argcount && !(nco->co_flags & (CO_VARARGS | CO_VARKEYWORDS)) &&
            !nco->co_kwonlyargcount) {
          for (Py_ssize_t i = 0; i < npos; i++) nf->localsplus[i] = args[i];
        } else if (wf_bind_args(nf, fn, args, npos, kwnames, false) < 0) {
          wf_frame_pop(nf);
          kwnames = NULL;
          goto error;
        }
        kwnames = NULL;
        frame->stacktop = (int32_t)(base - stack_base);
        wf_code_warm(nco);
        frame = nf;
        LOAD_REGS();
        sp = stack_base;
        next_instr = first_instr;
        frame->state = WF_FRAME_EXECUTING;
        DISPATCH();
      }
    } else {
      wf_ic *rec = wf_ic_get(co, ci);
      if (__builtin_expect(!rec || (rec->kind != WF_IC_MEGA_SITE && rec->types.t1 != WF_TYPE(callable)), 0))
        wf_ic_note_types_slow(co, ci, rec, WF_TYPE(callable), NULL, NULL);
    }
    PyObject *r = call_non_function(callable, args, (size_t)(total - nkw), kwnames);
    kwnames = NULL;
    ERROR_IF(!r);
    sp = base;
    PUSH(r);
    DISPATCH();
  }
  TARGET(CALL_FUNCTION_EX) {
    PyObject *kwargs = (oparg & 1) ? TOP() : NULL;
    PyObject **base = sp - 3 - (oparg & 1);
    PyObject *callargs = base[2];
    PyObject *func = base[1];
    WF_SAFEPOINT_POLL();
    if (base[0]) {
      /* [meth, self, args]: prepend self */
      PyObject *lst = wf_list_from_array(&base[1], 1);
      base[1] = lst;
      ERROR_IF(wf_eval_list_extend(lst, callargs) < 0);
      PyObject *tt = wf_list_as_tuple(lst);
      ERROR_IF(!tt);
      base[2] = tt;
      callargs = tt;
      func = base[0];
    }
    PyObject *r = wf_eval_call_ex(func, callargs, kwargs);
    ERROR_IF(!r);
    sp = base;
    PUSH(r);
    DISPATCH();
  }
  TARGET(MAKE_FUNCTION) {
    int nextra = ((oparg & 1) != 0) + ((oparg & 2) != 0) + ((oparg & 4) != 0) + ((oparg & 8) != 0);
    PyObject *fn = wf_eval_make_function(TOP(), frame->globals, sp - 1 - nextra, (int)oparg);
    ERROR_IF(!fn);
    sp -= nextra + 1;
    PUSH(fn);
    DISPATCH();
  }
  TARGET(LOAD_BUILD_CLASS) {
    PyObject *bc;
    if (WF_TYPE(frame->builtins) == &wf_dict_type) {
      bc = wf_dict_getitem_err(frame->builtins, WF_ID(__build_class__));
    } else {
      bc = wf_object_getitem(frame->builtins, WF_ID(__build_class__));
      if (!bc && wf_err_matches(&wf_KeyError_type)) wf_err_clear();
    }
    if (!bc) {
      if (!wf_err_occurred()) wf_err_set_string(&wf_NameError_type, "__build_class__ not found");
      goto error;
    }
    PUSH(bc);
    DISPATCH();
  }
  TARGET(SETUP_ANNOTATIONS) {
    ERROR_IF(wf_eval_setup_annotations(frame) < 0);
    DISPATCH();
  }
  TARGET(IMPORT_NAME) {
    PyObject *m = wf_eval_import_name(frame, names[oparg], TOP(), SECOND());
    ERROR_IF(!m);
    sp--;
    TOP() = m;
    DISPATCH();
  }
  TARGET(IMPORT_FROM) {
    PyObject *v = wf_eval_import_from(TOP(), names[oparg]);
    ERROR_IF(!v);
    PUSH(v);
    DISPATCH();
  }
  TARGET(IMPORT_STAR) {
    ERROR_IF(wf_eval_import_star(frame, TOP()) < 0);
    sp--;
    DISPATCH();
  }
  TARGET(LOAD_ASSERTION_ERROR) {
    PUSH((PyObject *)&wf_AssertionError_type);
    DISPATCH();
  }
  TARGET(PRINT_EXPR) {
    ERROR_IF(wf_eval_print_expr(TOP()) < 0);
    sp--;
    DISPATCH();
  }

  /* ---- exceptions ---- */
  TARGET(RAISE_VARARGS) {
    switch (oparg) {
    case 2: wf_eval_do_raise(SECOND(), TOP()); break;
    case 1: wf_eval_do_raise(TOP(), NULL); break;
    default: {
      PyObject *exc = vm->handled_exc;
      if (!exc || exc == WF_NONE) {
        wf_err_set_string(&wf_RuntimeError_type, "No active exception to reraise");
        goto error;
      }
      wf_err_restore(exc);
      goto exception_unwind;
    }
    }
    goto error;
  }
  TARGET(RERAISE) {
    PyObject *exc = POP();
    unwind_at = frame->lasti;
    if (oparg) {
      PyObject *l = PEEK(oparg);
      int64_t v;
      if (wf_int_check(l) && wf_int_small_value(l, &v)) frame->lasti = (int32_t)v;
    }
    wf_err_restore(exc);
    goto exception_unwind;
  }
  TARGET(PUSH_EXC_INFO) {
    PyObject *exc = TOP();
    PyObject *prev = vm->handled_exc;
    if (frame->gen && prev == gen_outer(frame)) prev = NULL;
    TOP() = prev ? prev : WF_NONE;
    PUSH(exc);
    WF_GC_STORE(&vm->handled_exc, exc);
    DISPATCH();
  }
  TARGET(POP_EXCEPT) {
    PyObject *v = POP();
    if (v == WF_NONE) v = frame->gen ? gen_outer(frame) : NULL;
    WF_GC_STORE(&vm->handled_exc, v);
    DISPATCH();
  }
  TARGET(CHECK_EXC_MATCH) {
    int r = wf_eval_exc_match(SECOND(), TOP());
    ERROR_IF(r < 0);
    TOP() = wf_bool_from(r);
    DISPATCH();
  }
  TARGET(CHECK_EG_MATCH) {
    PyObject *match, *rest;
    ERROR_IF(wf_eval_eg_match(SECOND(), TOP(), &match, &rest) < 0);
    if (match == WF_NONE) {
      TOP() = match;
    } else {
      SECOND() = rest;
      TOP() = match;
      WF_GC_STORE(&vm->handled_exc, match);
    }
    DISPATCH();
  }
  TARGET(PREP_RERAISE_STAR) {
    PyObject *r = wf_exc_group_prep_reraise_star(SECOND(), TOP());
    ERROR_IF(!r);
    sp--;
    TOP() = r;
    DISPATCH();
  }
  TARGET(WITH_EXCEPT_START) {
    PyObject *r = wf_eval_with_except_start(PEEK(4), TOP());
    ERROR_IF(!r);
    PUSH(r);
    DISPATCH();
  }
  TARGET(BEFORE_WITH) {
    PyObject **out = sp - 1;
    ERROR_IF(wf_eval_before_with(TOP(), false, out) < 0);
    sp = out + 2;
    DISPATCH();
  }
  TARGET(BEFORE_ASYNC_WITH) {
    PyObject **out = sp - 1;
    ERROR_IF(wf_eval_before_with(TOP(), true, out) < 0);
    sp = out + 2;
    DISPATCH();
  }

  /* ---- generators and coroutines ---- */
  TARGET(YIELD_VALUE) {
    retval = POP();
    frame->stacktop = (int32_t)(sp - stack_base);
    frame->lasti = (int32_t)(next_instr - first_instr);
    frame->state = WF_FRAME_SUSPENDED;
    goto exit_entry;
  }
  TARGET(SEND) {
    PyObject *recv = SECOND(), *v = TOP(), *r;
    PySendResult s = wf_gen_send_ex(recv, v, &r);
    ERROR_IF(s == PYGEN_ERROR);
    if (s == PYGEN_RETURN) {
      sp--;
      TOP() = r;
      JUMPTO(oparg);
    } else {
      TOP() = r;
    }
    DISPATCH();
  }
  TARGET(GET_YIELD_FROM_ITER) {
    PyObject *o = TOP();
    if (WF_TYPE(o) == &wf_coro_type) {
      if (!(co->co_flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE))) {
        wf_err_set_string(&wf_TypeError_type, "cannot 'yield from' a coroutine object in a non-coroutine generator");
        goto error;
      }
    } else if (WF_TYPE(o) != &wf_gen_type) {
      PyObject *it = wf_object_getiter(o);
      ERROR_IF(!it);
      TOP() = it;
    }
    DISPATCH();
  }
  TARGET(GET_AWAITABLE) {
    PyObject *it = wf_eval_get_awaitable(TOP(), (int)oparg);
    ERROR_IF(!it);
    TOP() = it;
    DISPATCH();
  }
  TARGET(GET_AITER) {
    PyObject *it = wf_eval_get_aiter(TOP());
    ERROR_IF(!it);
    TOP() = it;
    DISPATCH();
  }
  TARGET(GET_ANEXT) {
    PyObject *aw = wf_eval_get_anext(TOP());
    ERROR_IF(!aw);
    PUSH(aw);
    DISPATCH();
  }
  TARGET(END_ASYNC_FOR) {
    PyObject *exc = POP();
    if (wf_object_type_check(exc, &wf_StopAsyncIteration_type)) {
      sp--;
      DISPATCH();
    }
    wf_err_restore(exc);
    goto exception_unwind;
  }
  TARGET(ASYNC_GEN_WRAP) {
    PyObject *w = wf_async_gen_wrap_value(TOP());
    ERROR_IF(!w);
    TOP() = w;
    DISPATCH();
  }

  /* ---- pattern matching ---- */
  TARGET(GET_LEN) {
    Py_ssize_t n = wf_object_length(TOP());
    ERROR_IF(n < 0);
    PyObject *v = wf_int_from_ssize(n);
    ERROR_IF(!v);
    PUSH(v);
    DISPATCH();
  }
  TARGET(MATCH_MAPPING) {
    PyObject *b = wf_bool_from(wf_type_has_flag(WF_TYPE(TOP()), Py_TPFLAGS_MAPPING));
    PUSH(b);
    DISPATCH();
  }
  TARGET(MATCH_SEQUENCE) {
    PyObject *b = wf_bool_from(wf_type_has_flag(WF_TYPE(TOP()), Py_TPFLAGS_SEQUENCE));
    PUSH(b);
    DISPATCH();
  }
  TARGET(MATCH_KEYS) {
    PyObject *v = wf_eval_match_keys(SECOND(), TOP());
    ERROR_IF(!v);
    PUSH(v);
    DISPATCH();
  }
  TARGET(MATCH_CLASS) {
    PyObject *attrs = wf_eval_match_class(PEEK(3), SECOND(), (Py_ssize_t)oparg, TOP());
    ERROR_IF(!attrs && wf_err_occurred());
    sp -= 2;
    TOP() = attrs ? attrs : WF_NONE;
    DISPATCH();
  }
  TARGET(COPY_DICT_WITHOUT_KEYS) {
    PyObject *r = wf_eval_copy_dict_without_keys(SECOND(), TOP());
    ERROR_IF(!r);
    TOP() = r;
    DISPATCH();
  }

  TARGET(RETURN_VALUE) {
    retval = POP();
    frame->state = WF_FRAME_COMPLETED;
    if (frame == entry) goto exit_entry;
    wf_frame *callee = frame;
    frame = callee->previous;
    /* the result goes straight into the caller's stack (visible to the GC) */
    PyObject **cstack = frame->localsplus + frame->code->co_nlocalsplus;
    cstack[frame->stacktop] = retval;
    wf_frame_pop(callee);
    LOAD_REGS();
    sp = stack_base + frame->stacktop + 1;
    next_instr = first_instr + frame->lasti + 2; /* past CALL and its cache word */
    DISPATCH();
  }

error:
  kwnames = NULL;
  if (!wf_err_occurred())
    wf_err_set_string(&wf_SystemError_type, "error return without exception set");
  wf_traceback_add_frame(frame);
exception_unwind: {
  const wf_code_handler *h = wf_code_handler_of(co, unwind_at >= 0 ? unwind_at : frame->lasti);
  unwind_at = -1;
  if (h) {
    PyObject *exc = wf_err_fetch();
    sp = stack_base + h->depth;
    if (h->lasti) PUSH(wf_int_from_ssize(frame->lasti));
    PUSH(exc);
    JUMPTO(h->handler);
    DISPATCH();
  }
  frame->state = WF_FRAME_COMPLETED;
  if (frame == entry) {
    retval = NULL;
    goto exit_entry;
  }
  wf_frame *callee = frame;
  frame = callee->previous;
  wf_frame_pop(callee);
  LOAD_REGS();
  goto error;
}

exit_entry:
  if (is_gen) {
    vm->frame = entry->previous;
    vm->py_depth--;
    entry->previous = NULL;
  }
  return retval;
}
