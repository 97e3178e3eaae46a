/* Generators, coroutines and async generators (vm/objects/gen.c,
 * gen_async.c).  The frame lives inside the object: the object is
 * sizeof(wf_gen) + wf_frame_size(code) bytes and gi_frame_mem holds the
 * wf_frame. */
#ifndef WF_OBJECTS_GEN_H
#define WF_OBJECTS_GEN_H

#include "interp.h"
#include "object.h"

typedef struct wf_gen {
  PyObject ob_base;
  PyObject *gi_name, *gi_qualname;
  PyObject *gi_exc_state;  /* the exception its frame was handling when it last suspended */
  PyObject *gi_outer_exc;  /* while running: the resumer's handled exception (seen through) */
  PyObject *ag_finalizer;  /* async generators: unused hooks slot */
  _Atomic uint8_t gi_running;
  uint8_t ag_closed;       /* async generators: aclose() done or exhausted */
  uint8_t ag_running_async;/* async generators: an asend/athrow is in flight */
  _Alignas(16) char gi_frame_mem[];
} wf_gen;

extern PyTypeObject wf_gen_type, wf_coro_type, wf_async_gen_type, wf_coro_wrapper_type,
    wf_async_gen_asend_type, wf_async_gen_athrow_type, wf_async_gen_wrapped_type;

static inline wf_frame *wf_gen_frame(PyObject *g) { return (wf_frame *)((wf_gen *)g)->gi_frame_mem; }
static inline bool wf_gen_check_any(PyObject *o) {
  PyTypeObject *t = WF_TYPE(o);
  return t == &wf_gen_type || t == &wf_coro_type || t == &wf_async_gen_type;
}

/* For a call of `func` whose code is a generator/coroutine/async
 * generator: the new object with the arguments bound. */
struct wf_function;
PyObject *wf_gen_new_for_call(struct wf_function *func, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames);

/* Resume: PYGEN_NEXT (*result yielded), PYGEN_RETURN (*result returned),
 * PYGEN_ERROR.  value NULL with throwing: raise the current exception at
 * the suspension point.  Works on generators and coroutines. */
PySendResult wf_gen_resume(PyObject *gen, PyObject *value, bool throwing, PyObject **result);
/* SEND's step on any receiver (generators directly, else __next__ for
 * None / send(v)); StopIteration turned into PYGEN_RETURN. */
PySendResult wf_gen_send_ex(PyObject *receiver, PyObject *value, PyObject **result);
/* The object a suspended frame delegates to (yield from / await), or NULL. */
PyObject *wf_frame_yieldfrom(wf_frame *f);

/* The awaitable's iterator for `await o`: a coroutine itself, a generator
 * with CO_ITERABLE_COROUTINE, else o.__await__() (which must return an
 * iterator). NULL + TypeError otherwise. */
PyObject *wf_coro_get_awaitable_iter(PyObject *o);
bool wf_coro_check(PyObject *o);

/* ASYNC_GEN_WRAP's box, and the async generator's am_anext. */
PyObject *wf_async_gen_wrap_value(PyObject *v);
bool wf_async_gen_is_wrapped(PyObject *o);
PyObject *wf_async_gen_unwrap(PyObject *o);

#endif
