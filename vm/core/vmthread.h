/* The interpreter's per-thread state (threads/'s wf_thread_t.vm points here).
 * Owned by its thread; the GC scans its object fields while the world is
 * stopped (root scanner registered by wf_runtime_init). */
#ifndef WF_CORE_VMTHREAD_H
#define WF_CORE_VMTHREAD_H

#include "object.h"
#include "thread.h"

typedef struct wf_vmthread {
  PyObject *exc;          /* the exception being raised, or NULL */
  PyObject *handled_exc;  /* the exception being handled (sys.exc_info()) */
  int c_depth;            /* C recursion depth (repr, compare, call, ...) */
  int c_limit;            /* RecursionError above this */
  bool c_overflowing;     /* raising that RecursionError (headroom allowed) */
  /* The interpreter's part (vm/interp/interp.h). */
  void *frame;            /* innermost wf_frame, or NULL */
  int py_depth;           /* Python call depth, against the recursion limit */
  void *data_stack;       /* chunk allocator for stack frames (vm/interp/frame.c) */
  uintptr_t c_stack_limit;/* lowest safe C stack address (RecursionError below) */
} wf_vmthread;

static inline wf_vmthread *wf_vm(void) { return (wf_vmthread *)wf_thread_self()->vm; }

/* Guard C recursion (repr of nested containers, deep compares, calls):
 * returns -1 with RecursionError set ("maximum recursion depth exceeded" +
 * `where`, as CPython words it) when too deep. Pair with wf_leave_recursive. */
int wf_enter_recursive_overflow_(const char *where);
static inline int wf_enter_recursive(const char *where) {
  wf_vmthread *vm = wf_vm();
  if (__builtin_expect(++vm->c_depth > vm->c_limit, 0)) return wf_enter_recursive_overflow_(where);
  return 0;
}
static inline void wf_leave_recursive(void) { wf_vm()->c_depth--; }

#endif
