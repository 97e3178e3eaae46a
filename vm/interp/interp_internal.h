/* Shared between the files of the interpreter (frame.c, eval.c, call.c,
 * ic.c) and the generator objects (vm/objects/gen*.c). */
#ifndef WF_INTERP_INTERNAL_H
#define WF_INTERP_INTERNAL_H

#include "funcobject.h"
#include <stdatomic.h>
#include <string.h>

#include "interp.h"
#include "vmthread.h"

/* The per-thread data stack (frame.c): malloc'd chunks, frames bump-
 * allocated and popped in LIFO order. */
typedef struct wf_ds_chunk {
  struct wf_ds_chunk *prev;
  size_t size; /* bytes of data[] */
  char *top;
  _Alignas(16) char data[];
} wf_ds_chunk;

typedef struct wf_data_stack {
  wf_ds_chunk *cur;
  wf_ds_chunk *spare;
} wf_data_stack;

extern _Atomic int wf_recursion_limit_;

/* A new frame on the thread's data stack, slots zeroed, linked as the
 * thread's innermost frame (so the GC scans it from now on).  Counts
 * against the recursion limit: NULL with RecursionError.  Inline for the
 * common case (room in the current chunk, under the limit). */
wf_frame *wf_frame_push_slow_(wf_code *co, PyObject *func, PyObject *globals, PyObject *builtins, PyObject *locals);
static inline wf_frame *wf_frame_push(wf_code *co, PyObject *func, PyObject *globals, PyObject *builtins,
                                      PyObject *locals) {
  wf_vmthread *vm = wf_vm();
  wf_data_stack *ds = vm->data_stack;
  size_t bytes = wf_frame_size(co), size = (bytes + 15) & ~(size_t)15;
  wf_ds_chunk *c = ds ? ds->cur : NULL;
  if (__builtin_expect(!c || (size_t)(c->data + c->size - c->top) < size ||
                           vm->py_depth >= atomic_load_explicit(&wf_recursion_limit_, memory_order_relaxed),
                       0))
    return wf_frame_push_slow_(co, func, globals, builtins, locals);
  wf_frame *f = (wf_frame *)c->top;
  c->top += size;
  memset(f->localsplus, 0, bytes - sizeof(wf_frame));
  f->code = co;
  f->func = func;
  f->globals = globals;
  f->builtins = builtins;
  f->locals = locals;
  f->gen = NULL;
  f->frame_obj = NULL;
  f->lasti = 0;
  f->stacktop = 0;
  f->state = WF_FRAME_CREATED;
  f->previous = vm->frame;
  vm->frame = f;
  vm->py_depth++;
  return f;
}

/* Unlink the innermost frame f (detaching its frame object) and release
 * its memory. */
void wf_frame_pop_slow_(wf_frame *f);
static inline void wf_frame_pop(wf_frame *f) {
  wf_vmthread *vm = wf_vm();
  wf_ds_chunk *c = ((wf_data_stack *)vm->data_stack)->cur;
  if (__builtin_expect(f->frame_obj != NULL || (char *)f == c->data, 0)) {
    wf_frame_pop_slow_(f);
    return;
  }
  vm->frame = f->previous;
  vm->py_depth--;
  c->top = (char *)f;
}
/* Report every reference of a frame (code, func, dicts, slots). */
void wf_frame_trace(wf_frame *f, wf_gc_tracer *t);
/* 0, or -1 with RecursionError when the C stack is nearly exhausted.
 * Inline: every generator resume checks it. */
int wf_interp_check_c_stack_slow_(void);
static inline int wf_interp_check_c_stack(void) {
  uintptr_t limit = wf_vm()->c_stack_limit;
  if (__builtin_expect(limit != 0 && (uintptr_t)__builtin_frame_address(0) >= limit, 1)) return 0;
  return wf_interp_check_c_stack_slow_();
}

/* Bind a call's arguments into f's localsplus as CPython does (TypeErrors
 * with CPython's messages).  `func` gives defaults and the name for
 * messages.  No safepoint is reached.  0 / -1. */
int wf_bind_args(wf_frame *f, wf_function *func, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                 bool heap_frame);

#include "gen.h"

#endif
