/* Frames on the per-thread data stack, the GC root scanner over every
 * thread's frame chain, the recursion limit and the C stack guard.
 *
 * The data stack is a list of malloc'd chunks; frames are bump-allocated
 * and popped in LIFO order, so a frame never moves while it lives.  One
 * spare chunk is kept so that a call at a chunk boundary does not malloc
 * every time. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "interp_internal.h"
#include "thread.h"

typedef wf_ds_chunk ds_chunk;
typedef wf_data_stack data_stack;

#define DS_CHUNK_BYTES ((size_t)256 * 1024)

_Atomic int wf_recursion_limit_ = 1000;
#define recursion_limit wf_recursion_limit_

int wf_recursion_limit_get(void) { return atomic_load_explicit(&recursion_limit, memory_order_relaxed); }
void wf_recursion_limit_set(int limit) { atomic_store_explicit(&recursion_limit, limit, memory_order_relaxed); }

static void oom(void) {
  fputs("weft: out of memory (frame stack)\n", stderr);
  abort();
}

static ds_chunk *chunk_new(ds_chunk *prev, size_t need) {
  size_t size = need > DS_CHUNK_BYTES ? need : DS_CHUNK_BYTES;
  ds_chunk *c = malloc(sizeof(ds_chunk) + size);
  if (!c) oom();
  c->prev = prev;
  c->size = size;
  c->top = c->data;
  return c;
}

/* ---- the C stack guard ---- */

#if defined(WF_ASAN)
#define C_STACK_MARGIN ((uintptr_t)1024 * 1024)
#else
#define C_STACK_MARGIN ((uintptr_t)256 * 1024)
#endif

static void init_stack_limit(wf_vmthread *vm) {
  pthread_attr_t attr;
  void *lo = NULL;
  size_t size = 0;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    pthread_attr_getstack(&attr, &lo, &size);
    pthread_attr_destroy(&attr);
  }
  uintptr_t here = (uintptr_t)__builtin_frame_address(0);
  if (!lo || size < 2 * C_STACK_MARGIN || here < (uintptr_t)lo || here > (uintptr_t)lo + size) {
    /* unknown bounds: assume 8 MiB below the current position */
    vm->c_stack_limit = here - 8 * 1024 * 1024 + C_STACK_MARGIN;
    return;
  }
  vm->c_stack_limit = (uintptr_t)lo + C_STACK_MARGIN;
}

int wf_interp_check_c_stack_slow_(void) {
  wf_vmthread *vm = wf_vm();
  if (__builtin_expect(!vm->c_stack_limit, 0)) init_stack_limit(vm);
  if (__builtin_expect((uintptr_t)__builtin_frame_address(0) < vm->c_stack_limit, 0)) {
    wf_err_set_string(&wf_RecursionError_type, "maximum recursion depth exceeded");
    return -1;
  }
  return 0;
}

/* ---- push / pop ---- */

wf_frame *wf_frame_push_slow_(wf_code *co, PyObject *func, PyObject *globals, PyObject *builtins, PyObject *locals) {
  wf_vmthread *vm = wf_vm();
  if (__builtin_expect(vm->py_depth >= atomic_load_explicit(&recursion_limit, memory_order_relaxed), 0)) {
    wf_err_set_string(&wf_RecursionError_type, "maximum recursion depth exceeded");
    return NULL;
  }
  size_t size = (wf_frame_size(co) + 15) & ~(size_t)15;
  data_stack *ds = vm->data_stack;
  if (__builtin_expect(!ds, 0)) {
    ds = calloc(1, sizeof *ds);
    if (!ds) oom();
    ds->cur = chunk_new(NULL, size);
    vm->data_stack = ds;
  }
  ds_chunk *c = ds->cur;
  if (__builtin_expect((size_t)(c->data + c->size - c->top) < size, 0)) {
    ds_chunk *s = ds->spare;
    ds->spare = NULL;
    if (s && s->size >= size) {
      s->prev = c;
      s->top = s->data;
    } else {
      free(s);
      s = chunk_new(c, size);
    }
    ds->cur = c = s;
  }
  wf_frame *f = (wf_frame *)c->top;
  c->top += size;
  memset(f, 0, wf_frame_size(co));
  f->code = co;
  f->func = func;
  f->globals = globals;
  f->builtins = builtins;
  f->locals = locals;
  f->previous = vm->frame;
  vm->frame = f;
  vm->py_depth++;
  return f;
}

void wf_frame_pop_slow_(wf_frame *f) {
  wf_vmthread *vm = wf_vm();
  if (f->frame_obj) wf_frame_object_detach(f);
  vm->frame = f->previous;
  vm->py_depth--;
  data_stack *ds = vm->data_stack;
  ds_chunk *c = ds->cur;
  c->top = (char *)f;
  if (c->top == c->data && c->prev) {
    free(ds->spare);
    ds->spare = c;
    ds->cur = c->prev;
  }
}

/* ---- GC ---- */

void wf_frame_trace(wf_frame *f, wf_gc_tracer *t) {
  wf_gc_visit(t, f->code);
  wf_gc_visit(t, f->func);
  wf_gc_visit(t, f->globals);
  wf_gc_visit(t, f->builtins);
  wf_gc_visit(t, f->locals);
  wf_gc_visit(t, f->gen);
  wf_gc_visit(t, f->frame_obj);
  if (!f->code) return;
  int n = f->code->co_nlocalsplus + f->code->co_stacksize;
  for (int i = 0; i < n; i++) wf_gc_visit(t, f->localsplus[i]);
}

/* With the world stopped: every frame of every thread.  A generator frame
 * is traced through its generator (and directly: it may be running). */
static void scan_frames(wf_gc_tracer *t, void *arg) {
  (void)arg;
  for (wf_thread_t *th = wf_threads_first(); th; th = wf_threads_next(th)) {
    wf_vmthread *vm = th->vm;
    if (!vm) continue;
    for (wf_frame *f = vm->frame; f; f = f->previous) wf_frame_trace(f, t);
  }
}

static void on_detach(wf_thread_t *th) {
  wf_vmthread *vm = th->vm;
  if (!vm || !vm->data_stack) return;
  data_stack *ds = vm->data_stack;
  for (ds_chunk *c = ds->cur; c;) {
    ds_chunk *p = c->prev;
    free(c);
    c = p;
  }
  free(ds->spare);
  free(ds);
  vm->data_stack = NULL;
}

int wf_frame_lineno(wf_frame *f) {
  if (!f->code) return -1;
  return wf_code_line_of(f->code, f->lasti);
}

void wf_interp_init(void) {
  static bool done;
  if (done) return;
  done = true;
  wf_gc_add_root_scanner(scan_frames, NULL);
  wf_threads_add_hooks(NULL, on_detach);
  init_stack_limit(wf_vm());
}
