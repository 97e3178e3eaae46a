/* Generators and coroutines (and the coroutine_wrapper of __await__).
 *
 * The frame lives inside the object.  Resuming runs wf_eval_frame on it;
 * gi_running is an atomic flag, so a second resumption from this or any
 * other thread gets "generator already executing".
 *
 * Handled-exception state: the thread has one handled_exc slot.  While a
 * generator runs, the slot holds the generator's own handled exception, or
 * (when it handles none) the resumer's, which stays visible to
 * sys.exc_info() and implicit chaining as through CPython's exc_info
 * chain.  gi_outer_exc remembers the resumer's value: PUSH_EXC_INFO saves
 * None instead of it, POP_EXCEPT restoring None restores it, and at a
 * yield the generator keeps the slot's value only when it is its own. */
#include "gen.h"

#include <string.h>

#include "errors.h"
#include "exceptions.h"
#include "funcobject.h"
#include "int.h"
#include "interp_internal.h"
#include "opcodes.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"

#define G(o) ((wf_gen *)(o))

/* The running flag: a try-lock (plain stores in single-thread mode). */
static inline bool running_enter(PyObject *gen) {
  _Atomic uint8_t *r = &G(gen)->gi_running;
  if (wf_threads_single()) {
    if (atomic_load_explicit(r, memory_order_relaxed)) return false;
    atomic_store_explicit(r, 1, memory_order_relaxed);
    return true;
  }
  uint8_t expected = 0;
  return atomic_compare_exchange_strong(r, &expected, 1);
}

static inline void running_exit(PyObject *gen) { atomic_store_explicit(&G(gen)->gi_running, 0, memory_order_release); }

static const char *kind_name(PyObject *g) {
  PyTypeObject *t = WF_TYPE(g);
  return t == &wf_coro_type ? "coroutine" : t == &wf_async_gen_type ? "async generator" : "generator";
}

static void gen_trace(void *o, wf_gc_tracer *t) {
  wf_gen *g = o;
  wf_gc_visit(t, g->gi_name);
  wf_gc_visit(t, g->gi_qualname);
  wf_gc_visit(t, g->gi_exc_state);
  wf_gc_visit(t, g->gi_outer_exc);
  wf_gc_visit(t, g->ag_finalizer);
  wf_frame_trace(wf_gen_frame(o), t);
}

PyObject *wf_gen_new_for_call(struct wf_function *fn, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  wf_function *func = (wf_function *)fn;
  wf_code *co = (wf_code *)func->func_code;
  PyTypeObject *tp = (co->co_flags & CO_COROUTINE)         ? &wf_coro_type
                     : (co->co_flags & CO_ASYNC_GENERATOR) ? &wf_async_gen_type
                                                           : &wf_gen_type;
  PyObject *g = wf_object_alloc(tp, sizeof(wf_gen) + wf_frame_size(co));
  WF_GC_ROOT(g);
  wf_frame *f = wf_gen_frame(g);
  WF_GC_STORE(&f->code, co);
  WF_GC_STORE(&f->func, (PyObject *)func);
  WF_GC_STORE(&f->globals, func->func_globals);
  WF_GC_STORE(&f->builtins, func->func_builtins);
  WF_GC_STORE(&f->gen, g);
  f->state = WF_FRAME_CREATED;
  WF_GC_STORE(&G(g)->gi_name, func->func_name);
  WF_GC_STORE(&G(g)->gi_qualname, func->func_qualname ? func->func_qualname : co->co_qualname);
  if (wf_bind_args(f, func, args, nargs, kwnames, true) < 0) return NULL;
  return g;
}

/* A finished frame: keep code and func (gi_code), drop everything else. */
static void finish_frame(wf_frame *f) {
  if (f->frame_obj) wf_frame_object_detach(f);
  int n = f->code->co_nlocalsplus + f->code->co_stacksize;
  for (int i = 0; i < n; i++) WF_GC_STORE(&f->localsplus[i], NULL);
  f->state = WF_FRAME_COMPLETED;
  f->stacktop = 0;
}

/* PEP 479 (and its async-generator twin) on an exception leaving gen. */
static PySendResult pep479(PyObject *gen) {
  bool stop = wf_err_matches(&wf_StopIteration_type);
  bool astop = !stop && WF_TYPE(gen) == &wf_async_gen_type && wf_err_matches(&wf_StopAsyncIteration_type);
  if (stop || astop) {
    PyObject *inner = wf_err_fetch();
    WF_GC_ROOT(inner);
    wf_err_format(&wf_RuntimeError_type, "%s raised %s", kind_name(gen), stop ? "StopIteration" : "StopAsyncIteration");
    PyObject *exc = wf_err_current();
    wf_exc_set_cause(exc, inner);
    wf_exc_set_context(exc, inner);
  }
  return PYGEN_ERROR;
}

PySendResult wf_gen_resume(PyObject *gen, PyObject *value, bool throwing, PyObject **result) {
  wf_gen *g = G(gen);
  wf_frame *f = wf_gen_frame(gen);
  *result = NULL;
  if (f->state == WF_FRAME_CREATED && !throwing && value && value != WF_NONE) {
    wf_err_format(&wf_TypeError_type, "can't send non-None value to a just-started %s", kind_name(gen));
    return PYGEN_ERROR;
  }
  if (f->state == WF_FRAME_COMPLETED) {
    if (WF_TYPE(gen) == &wf_coro_type && !throwing) {
      wf_err_set_string(&wf_RuntimeError_type, "cannot reuse already awaited coroutine");
      return PYGEN_ERROR;
    }
    if (throwing) return PYGEN_ERROR;
    *result = WF_NONE;
    return PYGEN_RETURN;
  }
  if (!running_enter(gen)) {
    if (throwing) wf_err_clear();
    wf_err_format(&wf_ValueError_type, "%s already executing", kind_name(gen));
    return PYGEN_ERROR;
  }
  WF_GC_ROOT(gen);
  if (f->state == WF_FRAME_CREATED && throwing) {
    /* thrown into before it started: raised at its first line */
    wf_traceback_add_frame(f);
    finish_frame(f);
    running_exit(gen);
    return pep479(gen);
  }
  wf_vmthread *vm = wf_vm();
  PyObject *outer = vm->handled_exc;
  WF_GC_STORE(&g->gi_outer_exc, outer);
  WF_GC_STORE(&vm->handled_exc, g->gi_exc_state ? g->gi_exc_state : outer);
  if (throwing && g->gi_exc_state) wf_err_chain_context(wf_err_current(), g->gi_exc_state);
  PyObject *r = wf_eval_frame(f, value, throwing);
  PyObject *cur = vm->handled_exc;
  WF_GC_STORE(&g->gi_exc_state, f->state == WF_FRAME_SUSPENDED && cur != outer ? cur : NULL);
  WF_GC_STORE(&vm->handled_exc, outer);
  WF_GC_STORE(&g->gi_outer_exc, NULL);
  if (r && f->state == WF_FRAME_SUSPENDED) {
    running_exit(gen);
    *result = r;
    return PYGEN_NEXT;
  }
  WF_GC_ROOT(r);
  finish_frame(f);
  running_exit(gen);
  if (r) {
    *result = r;
    return PYGEN_RETURN;
  }
  return pep479(gen);
}

/* The value of the current StopIteration (cleared), or None; NULL if the
 * current exception is something else. */
static PyObject *fetch_stop_value(void) {
  if (!wf_err_matches(&wf_StopIteration_type)) return NULL;
  PyObject *e = wf_err_fetch();
  PyObject *v = ((PyStopIterationObject *)e)->value;
  return v ? v : WF_NONE;
}

PySendResult wf_gen_send_ex(PyObject *recv, PyObject *value, PyObject **result) {
  PyTypeObject *t = WF_TYPE(recv);
  if (t == &wf_gen_type || t == &wf_coro_type) return wf_gen_resume(recv, value, false, result);
  PyObject *r;
  if (value == WF_NONE && t->tp_iternext)
    r = t->tp_iternext(recv);
  else
    r = wf_call_method(recv, WF_ID(send), &value, 1);
  *result = r;
  if (r) return PYGEN_NEXT;
  if (!wf_err_occurred()) {
    *result = WF_NONE;
    return PYGEN_RETURN;
  }
  PyObject *v = fetch_stop_value();
  if (v) {
    *result = v;
    return PYGEN_RETURN;
  }
  return PYGEN_ERROR;
}

PyObject *wf_frame_yieldfrom(wf_frame *f) {
  if (f->state != WF_FRAME_SUSPENDED || !f->code) return NULL;
  const uint32_t *w = f->code->co_words;
  int32_t i = f->lasti;
  if (i < 1 || i >= f->code->co_nwords || f->stacktop < 1) return NULL;
  if (wf_instr_op(w[i - 1]) != WF_OP_YIELD_VALUE || wf_instr_op(w[i]) != WF_OP_JUMP_BACKWARD) return NULL;
  uint32_t target = wf_instr_arg(w[i]);
  if (target >= (uint32_t)f->code->co_nwords || wf_instr_op(w[target]) != WF_OP_SEND) return NULL;
  return wf_frame_stack_base(f)[f->stacktop - 1];
}

/* ---- send / throw / close ---- */

static PyObject *send_result_of(PyObject *gen, PySendResult s, PyObject *r) {
  if (s == PYGEN_NEXT) return r;
  if (s == PYGEN_RETURN) {
    if (WF_TYPE(gen) == &wf_async_gen_type) return wf_err_set_object(&wf_StopAsyncIteration_type, NULL);
    return wf_err_set_stop_iteration(r == WF_NONE ? NULL : r);
  }
  return NULL;
}
#define send_result(s, r) send_result_of(gen, s, r)

static PyObject *gen_send(PyObject *gen, PyObject *arg) {
  PyObject *r;
  PySendResult s = wf_gen_resume(gen, arg, false, &r);
  return send_result(s, r);
}

static PyObject *gen_iternext(PyObject *self) {
  PyObject *r;
  PySendResult s = wf_gen_resume(self, WF_NONE, false, &r);
  if (s == PYGEN_NEXT) return r;
  if (s == PYGEN_RETURN && r != WF_NONE) wf_err_set_stop_iteration(r);
  return NULL;
}

static int gen_close_iter(PyObject *yf);

/* Throw the current exception into gen (delegating to a `yield from`
 * target first, as CPython's _gen_throw). */
static PyObject *throw_current(PyObject *gen, bool close_on_genexit) {
  wf_frame *f = wf_gen_frame(gen);
  PyObject *yf = wf_frame_yieldfrom(f);
  WF_GC_ROOT(gen);
  WF_GC_ROOT(yf);
  if (yf) {
    PyObject *exc = wf_err_fetch();
    WF_GC_ROOT(exc);
    if (wf_object_type_check(exc, &wf_GeneratorExit_type) && close_on_genexit) {
      if (!running_enter(gen))
        return wf_err_format(&wf_ValueError_type, "%s already executing", kind_name(gen));
      int err = gen_close_iter(yf);
      running_exit(gen);
      if (err == 0) wf_err_restore(exc);
      goto throw_here;
    }
    if (!running_enter(gen))
      return wf_err_format(&wf_ValueError_type, "%s already executing", kind_name(gen));
    PyObject *ret;
    PyTypeObject *yt = WF_TYPE(yf);
    if (yt == &wf_gen_type || yt == &wf_coro_type) {
      wf_err_restore(exc);
      ret = throw_current(yf, close_on_genexit);
    } else {
      PyObject *meth;
      int found = wf_object_lookup_attr(yf, WF_ID(throw), &meth);
      if (found <= 0) {
        running_exit(gen);
        if (found == 0) wf_err_restore(exc);
        goto throw_here;
      }
      ret = wf_call_one(meth, exc);
    }
    running_exit(gen);
    if (ret) return ret;
    /* the delegate finished: leave the yield-from loop past its SEND */
    f->stacktop--;
    const uint32_t *w = f->code->co_words;
    f->lasti = (int32_t)wf_instr_arg(w[wf_instr_arg(w[f->lasti])]);
    PyObject *v = fetch_stop_value();
    PyObject *r;
    PySendResult s = v ? wf_gen_resume(gen, v, false, &r) : wf_gen_resume(gen, NULL, true, &r);
    return send_result(s, r);
  }
throw_here:;
  PyObject *r;
  PySendResult s = wf_gen_resume(gen, NULL, true, &r);
  return send_result(s, r);
}

/* Normalize throw(typ[, val[, tb]]) into the current exception. */
static int set_thrown(PyObject *typ, PyObject *val, PyObject *tb) {
  if (tb == WF_NONE) tb = NULL;
  if (tb && WF_TYPE(tb) != &wf_traceback_type) {
    wf_err_set_string(&wf_TypeError_type, "throw() third argument must be a traceback object");
    return -1;
  }
  PyObject *exc;
  WF_GC_ROOT(typ);
  WF_GC_ROOT(val);
  WF_GC_ROOT(tb);
  if (wf_exc_type_check(typ)) {
    if (!val || val == WF_NONE)
      exc = wf_call_noargs(typ);
    else if (wf_object_type_check(val, (PyTypeObject *)typ))
      exc = val;
    else if (wf_tuple_check(val))
      exc = wf_call_tuple_dict(typ, val, NULL);
    else
      exc = wf_call_one(typ, val);
    if (!exc) return -1;
    if (!wf_exc_check(exc)) {
      wf_err_format(&wf_TypeError_type,
                    "calling %R should have returned an instance of BaseException, not %.200s", typ,
                    WF_TYPE(exc)->tp_name);
      return -1;
    }
  } else if (wf_exc_check(typ)) {
    if (val && val != WF_NONE) {
      wf_err_set_string(&wf_TypeError_type, "instance exception may not have a separate value");
      return -1;
    }
    exc = typ;
  } else {
    wf_err_format(&wf_TypeError_type, "exceptions must be classes or instances deriving from BaseException, not %s",
                  WF_TYPE(typ)->tp_name);
    return -1;
  }
  if (tb) wf_exc_set_traceback(exc, tb);
  wf_err_restore(exc);
  return 0;
}

static PyObject *gen_throw(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("throw", nargs, 1, 3) < 0) return NULL;
  if (set_thrown(args[0], nargs > 1 ? args[1] : NULL, nargs > 2 ? args[2] : NULL) < 0) return NULL;
  return throw_current(self, true);
}

static PyObject *gen_close(PyObject *self, PyObject *unused) {
  (void)unused;
  wf_frame *f = wf_gen_frame(self);
  if (f->state == WF_FRAME_CREATED) {
    if (atomic_load(&G(self)->gi_running))
      return wf_err_format(&wf_ValueError_type, "%s already executing", kind_name(self));
    finish_frame(f);
    return WF_NONE;
  }
  if (f->state == WF_FRAME_COMPLETED) return WF_NONE;
  WF_GC_ROOT(self);
  PyObject *yf = wf_frame_yieldfrom(f);
  int err = 0;
  if (yf) {
    if (!running_enter(self))
      return wf_err_format(&wf_ValueError_type, "%s already executing", kind_name(self));
    err = gen_close_iter(yf);
    running_exit(self);
  }
  if (err == 0) {
    PyObject *ge = wf_call_noargs((PyObject *)&wf_GeneratorExit_type);
    if (!ge) return NULL;
    wf_err_restore(ge);
  }
  PyObject *r;
  PySendResult s = wf_gen_resume(self, NULL, true, &r);
  if (s == PYGEN_NEXT) {
    return wf_err_format(&wf_RuntimeError_type, "%s ignored GeneratorExit", kind_name(self));
  }
  if (s == PYGEN_RETURN) return WF_NONE;
  if (wf_err_matches(&wf_GeneratorExit_type) || wf_err_matches(&wf_StopIteration_type)) {
    wf_err_clear();
    return WF_NONE;
  }
  return NULL;
}

static int gen_close_iter(PyObject *yf) {
  PyTypeObject *t = WF_TYPE(yf);
  if (t == &wf_gen_type || t == &wf_coro_type) return gen_close(yf, NULL) ? 0 : -1;
  PyObject *meth;
  WF_GC_ROOT(yf);
  int found = wf_object_lookup_attr(yf, WF_ID(close), &meth);
  if (found < 0) return -1;
  if (found == 0) return 0;
  return wf_call_noargs(meth) ? 0 : -1;
}

/* ---- attributes ---- */

static PyObject *gen_repr(PyObject *self) {
  const char *k = WF_TYPE(self) == &wf_async_gen_type ? "async_generator" : kind_name(self);
  return wf_str_from_format("<%s object %U at %p>", k, G(self)->gi_qualname, self);
}

static PyObject *get_name(PyObject *self, void *c) {
  (void)c;
  return G(self)->gi_name;
}
static int set_name(PyObject *self, PyObject *v, void *c) {
  (void)c;
  if (!v || !wf_str_check(v)) {
    wf_err_set_string(&wf_TypeError_type, "__name__ must be set to a string object");
    return -1;
  }
  WF_GC_STORE(&G(self)->gi_name, v);
  return 0;
}
static PyObject *get_qualname(PyObject *self, void *c) {
  (void)c;
  return G(self)->gi_qualname;
}
static int set_qualname(PyObject *self, PyObject *v, void *c) {
  (void)c;
  if (!v || !wf_str_check(v)) {
    wf_err_set_string(&wf_TypeError_type, "__qualname__ must be set to a string object");
    return -1;
  }
  WF_GC_STORE(&G(self)->gi_qualname, v);
  return 0;
}
static PyObject *get_frame(PyObject *self, void *c) {
  (void)c;
  wf_frame *f = wf_gen_frame(self);
  if (f->state == WF_FRAME_COMPLETED) return WF_NONE;
  return wf_frame_object(f);
}
static PyObject *get_running(PyObject *self, void *c) {
  (void)c;
  return wf_bool_from(atomic_load(&G(self)->gi_running) != 0);
}
static PyObject *get_suspended(PyObject *self, void *c) {
  (void)c;
  return wf_bool_from(wf_gen_frame(self)->state == WF_FRAME_SUSPENDED);
}
static PyObject *get_code(PyObject *self, void *c) {
  (void)c;
  return (PyObject *)wf_gen_frame(self)->code;
}
static PyObject *get_yieldfrom(PyObject *self, void *c) {
  (void)c;
  PyObject *y = wf_frame_yieldfrom(wf_gen_frame(self));
  return y ? y : WF_NONE;
}
static PyObject *get_none(PyObject *self, void *c) {
  (void)self;
  (void)c;
  return WF_NONE;
}

static PyObject *iter_self(PyObject *self) { return self; }

static PyMethodDef gen_methods[] = {
    {"send", (PyCFunction)gen_send, METH_O, NULL},
    {"throw", (PyCFunction)(void (*)(void))gen_throw, METH_FASTCALL, NULL},
    {"close", (PyCFunction)gen_close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef gen_getset[] = {
    {"__name__", get_name, set_name, NULL, NULL},
    {"__qualname__", get_qualname, set_qualname, NULL, NULL},
    {"gi_frame", get_frame, NULL, NULL, NULL},
    {"gi_running", get_running, NULL, NULL, NULL},
    {"gi_suspended", get_suspended, NULL, NULL, NULL},
    {"gi_code", get_code, NULL, NULL, NULL},
    {"gi_yieldfrom", get_yieldfrom, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject wf_gen_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "generator",
    .tp_basicsize = sizeof(wf_gen),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_repr = gen_repr,
    .tp_iter = iter_self,
    .tp_iternext = gen_iternext,
    .tp_methods = gen_methods,
    .tp_getset = gen_getset,
    .wf = {.trace = gen_trace},
};
WF_REGISTER_TYPE(wf_gen_type);

/* ---- coroutines ---- */

bool wf_coro_check(PyObject *o) {
  if (WF_TYPE(o) == &wf_coro_type) return true;
  return WF_TYPE(o) == &wf_gen_type && (wf_gen_frame(o)->code->co_flags & CO_ITERABLE_COROUTINE);
}

typedef struct {
  PyObject ob_base;
  PyObject *cw_coroutine;
} coro_wrapper;

static void cw_trace(void *o, wf_gc_tracer *t) { wf_gc_visit(t, ((coro_wrapper *)o)->cw_coroutine); }

static PyObject *coro_await(PyObject *self) {
  coro_wrapper *w = (coro_wrapper *)wf_object_alloc(&wf_coro_wrapper_type, sizeof(coro_wrapper));
  WF_GC_STORE(&w->cw_coroutine, self);
  return (PyObject *)w;
}
static PyObject *coro_await_m(PyObject *self, PyObject *unused) {
  (void)unused;
  return coro_await(self);
}

static PyObject *cw_iternext(PyObject *self) { return gen_iternext(((coro_wrapper *)self)->cw_coroutine); }
static PyObject *cw_send(PyObject *self, PyObject *arg) { return gen_send(((coro_wrapper *)self)->cw_coroutine, arg); }
static PyObject *cw_throw(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  return gen_throw(((coro_wrapper *)self)->cw_coroutine, args, nargs);
}
static PyObject *cw_close(PyObject *self, PyObject *unused) {
  return gen_close(((coro_wrapper *)self)->cw_coroutine, unused);
}

static PyMethodDef cw_methods[] = {
    {"send", (PyCFunction)cw_send, METH_O, NULL},
    {"throw", (PyCFunction)(void (*)(void))cw_throw, METH_FASTCALL, NULL},
    {"close", (PyCFunction)cw_close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject wf_coro_wrapper_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "coroutine_wrapper",
    .tp_basicsize = sizeof(coro_wrapper),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_iter = iter_self,
    .tp_iternext = cw_iternext,
    .tp_methods = cw_methods,
    .wf = {.trace = cw_trace},
};
WF_REGISTER_TYPE(wf_coro_wrapper_type);

static PyMethodDef coro_methods[] = {
    {"send", (PyCFunction)gen_send, METH_O, NULL},
    {"throw", (PyCFunction)(void (*)(void))gen_throw, METH_FASTCALL, NULL},
    {"close", (PyCFunction)gen_close, METH_NOARGS, NULL},
    {"__await__", (PyCFunction)coro_await_m, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef coro_getset[] = {
    {"__name__", get_name, set_name, NULL, NULL},
    {"__qualname__", get_qualname, set_qualname, NULL, NULL},
    {"cr_frame", get_frame, NULL, NULL, NULL},
    {"cr_running", get_running, NULL, NULL, NULL},
    {"cr_suspended", get_suspended, NULL, NULL, NULL},
    {"cr_code", get_code, NULL, NULL, NULL},
    {"cr_await", get_yieldfrom, NULL, NULL, NULL},
    {"cr_origin", get_none, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyAsyncMethods coro_as_async = {.am_await = coro_await};

PyTypeObject wf_coro_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "coroutine",
    .tp_basicsize = sizeof(wf_gen),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_as_async = &coro_as_async,
    .tp_repr = gen_repr,
    .tp_methods = coro_methods,
    .tp_getset = coro_getset,
    .wf = {.trace = gen_trace},
};
WF_REGISTER_TYPE(wf_coro_type);

PyObject *wf_coro_get_awaitable_iter(PyObject *o) {
  if (wf_coro_check(o)) return o;
  PyTypeObject *t = WF_TYPE(o);
  unaryfunc getter = t->tp_as_async ? t->tp_as_async->am_await : NULL;
  PyObject *res;
  if (getter) {
    res = getter(o);
  } else {
    PyObject *meth = wf_type_lookup(t, WF_ID(__await__));
    if (!meth)
      return wf_err_format(&wf_TypeError_type, "object %.100s can't be used in 'await' expression", t->tp_name);
    res = wf_call_one(meth, o);
  }
  if (!res) return NULL;
  if (wf_coro_check(res))
    return wf_err_set_string(&wf_TypeError_type, "__await__() returned a coroutine");
  if (!wf_iter_check(res))
    return wf_err_format(&wf_TypeError_type, "__await__() returned non-iterator of type '%.100s'",
                         WF_TYPE(res)->tp_name);
  return res;
}

/* Used by gen_async.c. */
PyObject *wf_gen_send_method(PyObject *self, PyObject *arg) { return gen_send(self, arg); }
PyObject *wf_gen_throw_current(PyObject *self, bool close_on_genexit) { return throw_current(self, close_on_genexit); }
int wf_gen_set_thrown(PyObject *typ, PyObject *val, PyObject *tb) { return set_thrown(typ, val, tb); }
PyObject *wf_gen_close_method(PyObject *self) { return gen_close(self, NULL); }
PyObject *wf_gen_repr(PyObject *self) { return gen_repr(self); }
