/* Shared between the files of the interpreter (frame.c, eval.c, call.c,
 * ic.c) and the generator objects (vm/objects/gen*.c). */
#ifndef WF_INTERP_INTERNAL_H
#define WF_INTERP_INTERNAL_H

#include "funcobject.h"
#include "interp.h"
#include "vmthread.h"

/* A new frame on the thread's data stack, slots zeroed, linked as the
 * thread's innermost frame (so the GC scans it from now on).  Counts
 * against the recursion limit: NULL with RecursionError. */
wf_frame *wf_frame_push(wf_code *co, PyObject *func, PyObject *globals, PyObject *builtins, PyObject *locals);
/* Unlink the innermost frame f (detaching its frame object) and release
 * its memory. */
void wf_frame_pop(wf_frame *f);
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
