/* The interpreter: frames, the eval loop, Python-level calls, generators.
 * vm/interp/ (eval.c, frame.c, call.c, ic.c) and vm/objects/gen*.c.
 *
 * Frames of ordinary calls live on the calling thread's data stack
 * (chunked, never moves); frames of generators and coroutines live inside
 * the generator object in the GC heap.  Each thread's frames form a chain
 * from wf_vm()->frame through `previous`.
 *
 * GC: a root scanner walks every thread's chain.  For a stack frame it
 * visits code, func, globals, builtins, locals, frame_obj and every slot of
 * localsplus[0 .. co_nlocalsplus + co_stacksize): a new frame's slots are
 * zeroed, so a slot above the current stack top holds NULL or a stale value
 * that is kept alive one frame-lifetime longer (never a dangling pointer).
 * This is why the eval loop need not spill its stack pointer at safepoints.
 * A generator's frame is traced by the generator object (visit `gen`).
 * Operands stay on the value stack until the operation using them returns
 * (ARCHITECTURE.md), so everything in use is visible to the GC.
 */
#ifndef WF_INTERP_INTERP_H
#define WF_INTERP_INTERP_H

#include "code.h"
#include "object.h"
#include "vmthread.h"

enum wf_frame_state {
  WF_FRAME_CREATED = 0, /* not started (generators) */
  WF_FRAME_EXECUTING,
  WF_FRAME_SUSPENDED,   /* at a YIELD_VALUE (generators) */
  WF_FRAME_COMPLETED,   /* returned or raised */
};

typedef struct wf_frame {
  struct wf_frame *previous; /* the caller's frame on this thread, or NULL */
  wf_code *code;
  PyObject *func;      /* the function, or NULL (module, exec, class body without one) */
  PyObject *globals;   /* dict */
  PyObject *builtins;  /* dict */
  PyObject *locals;    /* mapping for module/class/exec code, else NULL */
  PyObject *gen;       /* the generator owning this frame, or NULL */
  PyObject *frame_obj; /* the Python-visible frame object, created on demand */
  int32_t lasti;       /* word offset of the current (or, suspended, the next) instruction */
  int32_t stacktop;    /* value-stack depth while suspended */
  int8_t state;        /* wf_frame_state */
  PyObject *localsplus[]; /* co_nlocalsplus slots, then the value stack */
} wf_frame;

static inline PyObject **wf_frame_stack_base(wf_frame *f) { return f->localsplus + f->code->co_nlocalsplus; }
static inline size_t wf_frame_size(const wf_code *co) {
  return sizeof(wf_frame) + sizeof(PyObject *) * (size_t)(co->co_nlocalsplus + co->co_stacksize);
}

/* Set up the interpreter (root scanner, per-thread data stacks). Called by
 * wf_runtime_init's successor, wf_interp_init, once. */
void wf_interp_init(void);

/* Run `code` with globals and locals (locals NULL: same as globals): the
 * module body, exec() and eval().  `closure` (tuple of cells) for code with
 * free variables (class bodies), else NULL. */
PyObject *wf_eval_code(PyObject *code, PyObject *globals, PyObject *locals, PyObject *closure);

/* Call a Python function (the vectorcall of wf_function_type): binds the
 * arguments as CPython does, with its TypeError messages ("f() missing 1
 * required positional argument: 'x'", ...); for generator/coroutine code
 * returns the new generator/coroutine/async generator object. */
PyObject *wf_function_vectorcall(PyObject *func, PyObject *const *args, size_t nargsf, PyObject *kwnames);

/* Run (or resume) a frame until it returns, yields or raises.  After a
 * return or an exception the state is WF_FRAME_COMPLETED; after a yield it
 * is WF_FRAME_SUSPENDED and the result is the yielded value.  `sent` is
 * pushed when resuming a suspended frame (NULL with `throwing` set: the
 * current exception is raised at the resumption point). */
PyObject *wf_eval_frame(wf_frame *f, PyObject *sent, bool throwing);

/* The innermost Python frame of this thread, or NULL. */
static inline wf_frame *wf_frame_current(void) { return (wf_frame *)wf_vm()->frame; }
/* The line the frame is executing. */
int wf_frame_lineno(wf_frame *f);

/* ---- Recursion: Python calls count against sys.getrecursionlimit() (and
 * the C stack is checked too, so that a high limit raises RecursionError
 * rather than overflowing).  RecursionError("maximum recursion depth
 * exceeded") when exceeded. ---- */
int wf_recursion_limit_get(void);
void wf_recursion_limit_set(int limit);

/* ---- Tracebacks and frame objects (vm/objects/traceback.c,
 * frameobject.c) ---- */
/* Called by the eval loop as an exception propagates out of (or is caught
 * in) frame f at instruction f->lasti: prepend a traceback entry to the
 * current exception's __traceback__. */
void wf_traceback_add_frame(wf_frame *f);
/* The frame object of a live frame (created once, cached in frame_obj). */
PyObject *wf_frame_object(wf_frame *f);
/* Called when a frame with a frame object finishes: the frame object keeps
 * f_lineno, f_code, f_globals and a snapshot of f_locals. */
void wf_frame_object_detach(wf_frame *f);
extern PyTypeObject wf_frame_type, wf_traceback_type;

/* Print `exc` (with its __cause__/__context__ chain) as python3.11 prints an
 * uncaught exception: "Traceback (most recent call last):", a
 * `  File "f.py", line N, in name` line and the stripped source line for
 * each entry, then "Type: message". Writes to sys.stderr if it exists,
 * else fd 2. */
void wf_exception_print(PyObject *exc);

#endif
