/* Async generators: the async_generator type (its frame and resumption are
 * gen.c's), the awaitables returned by __anext__/asend/athrow/aclose, and
 * the box ASYNC_GEN_WRAP puts around values the generator yields (so that
 * they can be told from values its awaits pass through to the event loop). */
#include <string.h>

#include "errors.h"
#include "exceptions.h"
#include "gen.h"
#include "int.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"

/* gen.c */
PyObject *wf_gen_throw_current(PyObject *self, bool close_on_genexit);
int wf_gen_set_thrown(PyObject *typ, PyObject *val, PyObject *tb);
PyObject *wf_gen_repr(PyObject *self);

#define AG(o) ((wf_gen *)(o))

/* ---- wrapped values ---- */

typedef struct {
  PyObject ob_base;
  PyObject *agw_val;
} wrapped;

static void wrapped_trace(void *o, wf_gc_tracer *t) { wf_gc_visit(t, ((wrapped *)o)->agw_val); }

PyTypeObject wf_async_gen_wrapped_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "async_generator_wrapped_value",
    .tp_basicsize = sizeof(wrapped),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .wf = {.trace = wrapped_trace},
};
WF_REGISTER_TYPE(wf_async_gen_wrapped_type);

PyObject *wf_async_gen_wrap_value(PyObject *v) {
  wrapped *w = (wrapped *)wf_object_alloc(&wf_async_gen_wrapped_type, sizeof(wrapped));
  WF_GC_STORE(&w->agw_val, v);
  return (PyObject *)w;
}
bool wf_async_gen_is_wrapped(PyObject *o) { return WF_TYPE(o) == &wf_async_gen_wrapped_type; }
PyObject *wf_async_gen_unwrap(PyObject *o) { return ((wrapped *)o)->agw_val; }

/* The generator's step as CPython's gen_send: the yielded value, or NULL
 * (StopAsyncIteration when it returned). */
static PyObject *ag_send(PyObject *ag, PyObject *arg) {
  PyObject *r;
  PySendResult s = wf_gen_resume(ag, arg, false, &r);
  if (s == PYGEN_NEXT) return r;
  if (s == PYGEN_RETURN) wf_err_set_object(&wf_StopAsyncIteration_type, NULL);
  return NULL;
}

/* A wrapped value ends the await with StopIteration(value); anything else
 * is passed through to the event loop. */
static PyObject *unwrap_value(PyObject *ag, PyObject *r) {
  if (!r) {
    if (!wf_err_occurred()) wf_err_set_object(&wf_StopAsyncIteration_type, NULL);
    if (wf_err_matches(&wf_StopAsyncIteration_type) || wf_err_matches(&wf_GeneratorExit_type)) AG(ag)->ag_closed = 1;
    AG(ag)->ag_running_async = 0;
    return NULL;
  }
  if (wf_async_gen_is_wrapped(r)) {
    AG(ag)->ag_running_async = 0;
    PyObject *v = wf_async_gen_unwrap(r);
    return wf_err_set_stop_iteration(v == WF_NONE ? NULL : v);
  }
  return r;
}

enum { ST_INIT, ST_ITER, ST_CLOSED };

/* ---- asend ---- */

typedef struct {
  PyObject ob_base;
  PyObject *gen;
  PyObject *sendval;
  int state;
} asend;

static void asend_trace(void *o, wf_gc_tracer *t) {
  wf_gc_visit(t, ((asend *)o)->gen);
  wf_gc_visit(t, ((asend *)o)->sendval);
}

static PyObject *asend_new(PyObject *ag, PyObject *v) {
  asend *a = (asend *)wf_object_alloc(&wf_async_gen_asend_type, sizeof(asend));
  WF_GC_STORE(&a->gen, ag);
  WF_GC_STORE(&a->sendval, v);
  return (PyObject *)a;
}

static PyObject *asend_send(PyObject *self, PyObject *arg) {
  asend *a = (asend *)self;
  if (a->state == ST_CLOSED)
    return wf_err_set_string(&wf_RuntimeError_type, "cannot reuse already awaited __anext__()/asend()");
  if (a->state == ST_INIT) {
    if (AG(a->gen)->ag_running_async)
      return wf_err_set_string(&wf_RuntimeError_type, "anext(): asynchronous generator is already running");
    if (!arg || arg == WF_NONE) arg = a->sendval;
    a->state = ST_ITER;
  }
  AG(a->gen)->ag_running_async = 1;
  WF_GC_ROOT(self);
  PyObject *r = unwrap_value(a->gen, ag_send(a->gen, arg));
  if (!r) a->state = ST_CLOSED;
  return r;
}

static PyObject *asend_next(PyObject *self) { return asend_send(self, WF_NONE); }

static PyObject *asend_throw(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  asend *a = (asend *)self;
  if (a->state == ST_CLOSED)
    return wf_err_set_string(&wf_RuntimeError_type, "cannot reuse already awaited __anext__()/asend()");
  if (wf_arg_check_positional("throw", nargs, 1, 3) < 0) return NULL;
  WF_GC_ROOT(self);
  if (wf_gen_set_thrown(args[0], nargs > 1 ? args[1] : NULL, nargs > 2 ? args[2] : NULL) < 0) return NULL;
  PyObject *r = unwrap_value(a->gen, wf_gen_throw_current(a->gen, true));
  if (!r) a->state = ST_CLOSED;
  return r;
}

static PyObject *asend_close(PyObject *self, PyObject *unused) {
  (void)unused;
  ((asend *)self)->state = ST_CLOSED;
  return WF_NONE;
}

static PyObject *self_iter(PyObject *self) { return self; }

static PyMethodDef asend_methods[] = {
    {"send", (PyCFunction)asend_send, METH_O, NULL},
    {"throw", (PyCFunction)(void (*)(void))asend_throw, METH_FASTCALL, NULL},
    {"close", (PyCFunction)asend_close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyAsyncMethods asend_async = {.am_await = self_iter};

PyTypeObject wf_async_gen_asend_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "async_generator_asend",
    .tp_basicsize = sizeof(asend),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_as_async = &asend_async,
    .tp_iter = self_iter,
    .tp_iternext = asend_next,
    .tp_methods = asend_methods,
    .wf = {.trace = asend_trace},
};
WF_REGISTER_TYPE(wf_async_gen_asend_type);

/* ---- athrow / aclose ---- */

typedef struct {
  PyObject ob_base;
  PyObject *gen;
  PyObject *args; /* the throw() arguments tuple, or NULL for aclose() */
  int state;
} athrow;

static void athrow_trace(void *o, wf_gc_tracer *t) {
  wf_gc_visit(t, ((athrow *)o)->gen);
  wf_gc_visit(t, ((athrow *)o)->args);
}

static PyObject *athrow_new(PyObject *ag, PyObject *args) {
  athrow *a = (athrow *)wf_object_alloc(&wf_async_gen_athrow_type, sizeof(athrow));
  WF_GC_STORE(&a->gen, ag);
  WF_GC_STORE(&a->args, args);
  return (PyObject *)a;
}

static PyObject *ignored_exit(athrow *a) {
  AG(a->gen)->ag_running_async = 0;
  a->state = ST_CLOSED;
  return wf_err_set_string(&wf_RuntimeError_type, "async generator ignored GeneratorExit");
}

static PyObject *athrow_check_error(athrow *a) {
  AG(a->gen)->ag_running_async = 0;
  if (wf_err_matches(&wf_StopAsyncIteration_type) || wf_err_matches(&wf_GeneratorExit_type)) {
    a->state = ST_CLOSED;
    if (!a->args) {
      wf_err_clear();
      wf_err_set_object(&wf_StopIteration_type, NULL);
    }
  }
  return NULL;
}

static PyObject *throw_args_into(PyObject *ag, PyObject *args) {
  Py_ssize_t n = WF_SIZE(args);
  if (wf_gen_set_thrown(WF_TUPLE_GET(args, 0), n > 1 ? WF_TUPLE_GET(args, 1) : NULL, n > 2 ? WF_TUPLE_GET(args, 2) : NULL) <
      0)
    return NULL;
  return wf_gen_throw_current(ag, true);
}

static PyObject *athrow_send(PyObject *self, PyObject *arg) {
  athrow *a = (athrow *)self;
  const char *what = a->args ? "athrow()" : "aclose()";
  if (a->state == ST_CLOSED)
    return wf_err_format(&wf_RuntimeError_type, "cannot reuse already awaited %s", a->args ? "aclose()/athrow()" : "aclose()/athrow()");
  wf_frame *f = wf_gen_frame(a->gen);
  if (f->state == WF_FRAME_COMPLETED) {
    a->state = ST_CLOSED;
    return wf_err_set_object(&wf_StopIteration_type, NULL);
  }
  WF_GC_ROOT(self);
  PyObject *r;
  if (a->state == ST_INIT) {
    if (AG(a->gen)->ag_running_async) {
      a->state = ST_CLOSED;
      return wf_err_format(&wf_RuntimeError_type, "%s: asynchronous generator is already running", what);
    }
    if (AG(a->gen)->ag_closed) {
      a->state = ST_CLOSED;
      return wf_err_set_object(&wf_StopAsyncIteration_type, NULL);
    }
    if (arg && arg != WF_NONE)
      return wf_err_set_string(&wf_RuntimeError_type, "can't send non-None value to a just-started coroutine");
    a->state = ST_ITER;
    AG(a->gen)->ag_running_async = 1;
    if (!a->args) {
      AG(a->gen)->ag_closed = 1;
      PyObject *ge = wf_call_noargs((PyObject *)&wf_GeneratorExit_type);
      if (!ge) return NULL;
      wf_err_restore(ge);
      r = wf_gen_throw_current(a->gen, false);
      if (r && wf_async_gen_is_wrapped(r)) return ignored_exit(a);
    } else {
      r = unwrap_value(a->gen, throw_args_into(a->gen, a->args));
    }
    if (!r) return athrow_check_error(a);
    return r;
  }
  r = ag_send(a->gen, arg);
  if (!a->args) {
    if (r && wf_async_gen_is_wrapped(r)) return ignored_exit(a);
    if (!r) return athrow_check_error(a);
    return r;
  }
  r = unwrap_value(a->gen, r);
  if (!r) return athrow_check_error(a);
  return r;
}

static PyObject *athrow_next(PyObject *self) { return athrow_send(self, WF_NONE); }

static PyObject *athrow_throw(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  athrow *a = (athrow *)self;
  if (a->state == ST_CLOSED)
    return wf_err_set_string(&wf_RuntimeError_type, "cannot reuse already awaited aclose()/athrow()");
  if (wf_arg_check_positional("throw", nargs, 1, 3) < 0) return NULL;
  WF_GC_ROOT(self);
  if (wf_gen_set_thrown(args[0], nargs > 1 ? args[1] : NULL, nargs > 2 ? args[2] : NULL) < 0) return NULL;
  PyObject *r = wf_gen_throw_current(a->gen, true);
  if (!a->args) {
    if (r && wf_async_gen_is_wrapped(r)) return ignored_exit(a);
    if (!r) return athrow_check_error(a);
    return r;
  }
  r = unwrap_value(a->gen, r);
  if (!r) return athrow_check_error(a);
  return r;
}

static PyObject *athrow_close(PyObject *self, PyObject *unused) {
  (void)unused;
  ((athrow *)self)->state = ST_CLOSED;
  return WF_NONE;
}

static PyMethodDef athrow_methods[] = {
    {"send", (PyCFunction)athrow_send, METH_O, NULL},
    {"throw", (PyCFunction)(void (*)(void))athrow_throw, METH_FASTCALL, NULL},
    {"close", (PyCFunction)athrow_close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyAsyncMethods athrow_async = {.am_await = self_iter};

PyTypeObject wf_async_gen_athrow_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "async_generator_athrow",
    .tp_basicsize = sizeof(athrow),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_as_async = &athrow_async,
    .tp_iter = self_iter,
    .tp_iternext = athrow_next,
    .tp_methods = athrow_methods,
    .wf = {.trace = athrow_trace},
};
WF_REGISTER_TYPE(wf_async_gen_athrow_type);

/* ---- the async generator type ---- */

static PyObject *ag_anext(PyObject *self) { return asend_new(self, WF_NONE); }
static PyObject *ag_anext_m(PyObject *self, PyObject *unused) {
  (void)unused;
  return ag_anext(self);
}
static PyObject *ag_asend(PyObject *self, PyObject *v) { return asend_new(self, v); }
static PyObject *ag_athrow(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("athrow", nargs, 1, 3) < 0) return NULL;
  WF_GC_ROOT(self);
  PyObject *t = wf_tuple_from_array(args, nargs);
  return athrow_new(self, t);
}
static PyObject *ag_aclose(PyObject *self, PyObject *unused) {
  (void)unused;
  return athrow_new(self, NULL);
}
static PyObject *ag_aiter(PyObject *self) { return self; }

static PyObject *ag_get(PyObject *self, void *c) {
  wf_frame *f = wf_gen_frame(self);
  switch ((intptr_t)c) {
  case 0: return f->state == WF_FRAME_COMPLETED ? WF_NONE : wf_frame_object(f);
  case 1: return wf_bool_from(atomic_load(&AG(self)->gi_running) != 0);
  case 2: return (PyObject *)f->code;
  case 3: {
    PyObject *y = wf_frame_yieldfrom(f);
    return y ? y : WF_NONE;
  }
  case 4: return AG(self)->gi_name;
  case 5: return AG(self)->gi_qualname;
  default: return wf_bool_from(f->state == WF_FRAME_SUSPENDED);
  }
}

static PyMethodDef ag_methods[] = {
    {"asend", (PyCFunction)ag_asend, METH_O, NULL},
    {"athrow", (PyCFunction)(void (*)(void))ag_athrow, METH_FASTCALL, NULL},
    {"aclose", (PyCFunction)ag_aclose, METH_NOARGS, NULL},
    {"__anext__", (PyCFunction)ag_anext_m, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef ag_getset[] = {
    {"ag_frame", ag_get, NULL, NULL, (void *)0},
    {"ag_running", ag_get, NULL, NULL, (void *)1},
    {"ag_code", ag_get, NULL, NULL, (void *)2},
    {"ag_await", ag_get, NULL, NULL, (void *)3},
    {"__name__", ag_get, NULL, NULL, (void *)4},
    {"__qualname__", ag_get, NULL, NULL, (void *)5},
    {"ag_suspended", ag_get, NULL, NULL, (void *)6},
    {NULL, NULL, NULL, NULL, NULL},
};

static void ag_trace(void *o, wf_gc_tracer *t) {
  wf_gen *g = o;
  wf_gc_visit(t, g->gi_name);
  wf_gc_visit(t, g->gi_qualname);
  wf_gc_visit(t, g->gi_exc_state);
  wf_gc_visit(t, g->gi_outer_exc);
  wf_gc_visit(t, g->ag_finalizer);
  wf_frame *f = wf_gen_frame(o);
  wf_gc_visit(t, f->code);
  wf_gc_visit(t, f->func);
  wf_gc_visit(t, f->globals);
  wf_gc_visit(t, f->builtins);
  wf_gc_visit(t, f->locals);
  wf_gc_visit(t, f->frame_obj);
  if (!f->code) return;
  int n = f->code->co_nlocalsplus + f->code->co_stacksize;
  for (int i = 0; i < n; i++) wf_gc_visit(t, f->localsplus[i]);
}

static PyAsyncMethods ag_async = {.am_aiter = ag_aiter, .am_anext = ag_anext};

PyTypeObject wf_async_gen_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "async_generator",
    .tp_basicsize = sizeof(wf_gen),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_as_async = &ag_async,
    .tp_repr = wf_gen_repr,
    .tp_methods = ag_methods,
    .tp_getset = ag_getset,
    .wf = {.trace = ag_trace},
};
WF_REGISTER_TYPE(wf_async_gen_type);
