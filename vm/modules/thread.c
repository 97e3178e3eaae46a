/* The _thread module: OS threads running Python callables, the lock and
 * RLock types, thread identity, _set_sentinel for threading.Thread.join.
 *
 * Locks are wf_park_locks inside the lock object: a waiter blocks in the
 * native state (the GC does not wait for it), and the object stays reachable
 * from the blocked call's arguments. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "dict.h"
#include "errors.h"
#include "floatobject.h"
#include "int.h"
#include "interp.h"
#include "module.h"
#include "park_lock.h"
#include "modules.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "thread.h"
#include "tuple.h"
#include "typeobject.h"

/* ---- acquire(blocking=True, timeout=-1) arguments ------------------------------------- */

#define TIMEOUT_MAX_NS ((int64_t)9223372036 * 1000000000) /* TIMEOUT_MAX seconds */

static int acquire_args(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames, bool *blocking,
                        int64_t *timeout_ns) {
  if (nargs > 2) {
    wf_err_format(&wf_TypeError_type, "acquire() takes at most 2 arguments (%zd given)", nargs);
    return -1;
  }
  PyObject *b = nargs > 0 ? args[0] : NULL, *t = nargs > 1 ? args[1] : NULL;
  Py_ssize_t nk = kwnames ? WF_SIZE(kwnames) : 0;
  for (Py_ssize_t i = 0; i < nk; i++) {
    PyObject *k = WF_TUPLE_GET(kwnames, i);
    if (wf_str_equal_cstr(k, "blocking") && !b) b = args[nargs + i];
    else if (wf_str_equal_cstr(k, "timeout") && !t) t = args[nargs + i];
    else if (wf_str_equal_cstr(k, "blocking") || wf_str_equal_cstr(k, "timeout")) {
      wf_err_format(&wf_TypeError_type, "argument for acquire() given by name ('%U') and position", k);
      return -1;
    } else {
      wf_err_format(&wf_TypeError_type, "'%U' is an invalid keyword argument for acquire()", k);
      return -1;
    }
  }
  *blocking = true;
  *timeout_ns = -1;
  if (b) {
    if (wf_float_check(b)) {
      wf_err_set_string(&wf_TypeError_type, "'float' object cannot be interpreted as an integer");
      return -1;
    }
    PyObject *i = wf_number_index(b);
    if (!i) return -1;
    *blocking = wf_int_sign(i) != 0;
  }
  if (t) {
    int64_t ns;
    if (wf_float_check(t)) {
      double d = wf_float_value(t);
      if (isnan(d)) {
        wf_err_set_string(&wf_ValueError_type, "Invalid value NaN (not a number)");
        return -1;
      }
      double x = ceil(d * 1e9);
      if (!(x > -9.2e18 && x < 9.2e18)) {
        wf_err_set_string(&wf_OverflowError_type, "timestamp out of range for platform time_t");
        return -1;
      }
      ns = (int64_t)x;
      if (d == -1.0) ns = -1;
    } else {
      PyObject *i = wf_number_index(t);
      if (!i) return -1;
      int64_t v;
      if (wf_int_as_int64(i, &v) < 0 || __builtin_mul_overflow(v, 1000000000, &ns)) {
        wf_err_clear();
        wf_err_set_string(&wf_OverflowError_type, "timestamp too large to convert to C _PyTime_t");
        return -1;
      }
      if (v == -1) ns = -1;
    }
    if (!*blocking && ns != -1) {
      wf_err_set_string(&wf_ValueError_type, "can't specify a timeout for a non-blocking call");
      return -1;
    }
    if (ns < 0 && ns != -1) {
      wf_err_set_string(&wf_ValueError_type, "timeout value must be positive");
      return -1;
    }
    if (ns > TIMEOUT_MAX_NS) {
      wf_err_set_string(&wf_OverflowError_type, "timeout value is too large");
      return -1;
    }
    *timeout_ns = ns;
  }
  return 0;
}

/* ---- lock ------------------------------------------------------------------------------- */

typedef struct {
  PyObject ob_base;
  wf_park_lock word;
} lockobject;

PyTypeObject wf_thread_lock_type;

static PyObject *lock_new_obj(void) { return wf_object_alloc(&wf_thread_lock_type, sizeof(lockobject)); }

static PyObject *lock_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  (void)type;
  if (WF_SIZE(args) > 0 || (kwds && wf_dict_size(kwds) > 0))
    return wf_err_set_string(&wf_TypeError_type, "lock() takes no arguments");
  return lock_new_obj();
}

static PyObject *lock_acquire(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  bool blocking;
  int64_t timeout;
  if (acquire_args(args, nargs, kwnames, &blocking, &timeout) < 0) return NULL;
  return wf_bool_from(wf_park_lock_acquire(&((lockobject *)self)->word, blocking, timeout));
}

static PyObject *lock_release(PyObject *self, PyObject *unused) {
  (void)unused;
  wf_park_lock *w = &((lockobject *)self)->word;
  if (!wf_park_lock_is_held(w))
    return wf_err_set_string(&wf_RuntimeError_type, "release unlocked lock");
  wf_park_lock_release(w);
  return WF_NONE;
}

static PyObject *lock_exit(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  (void)args, (void)nargs;
  return lock_release(self, NULL);
}

static PyObject *lock_locked(PyObject *self, PyObject *unused) {
  (void)unused;
  return wf_bool_from(wf_park_lock_is_held(&((lockobject *)self)->word));
}

static PyObject *lock_at_fork_reinit(PyObject *self, PyObject *unused) {
  (void)unused;
  wf_park_lock_reset(&((lockobject *)self)->word);
  return WF_NONE;
}

static PyObject *lock_repr(PyObject *self) {
  bool held = wf_park_lock_is_held(&((lockobject *)self)->word);
  return wf_str_from_format("<%s %s object at %p>", held ? "locked" : "unlocked", WF_TYPE(self)->tp_name, self);
}

#define ACQ(name, fn) {name, (PyCFunction)(void (*)(void))fn, METH_FASTCALL | METH_KEYWORDS, NULL}
static PyMethodDef lock_methods[] = {
    ACQ("acquire", lock_acquire),
    ACQ("acquire_lock", lock_acquire),
    ACQ("__enter__", lock_acquire),
    {"release", (PyCFunction)lock_release, METH_NOARGS, NULL},
    {"release_lock", (PyCFunction)lock_release, METH_NOARGS, NULL},
    {"__exit__", (PyCFunction)(void (*)(void))lock_exit, METH_FASTCALL, NULL},
    {"locked", (PyCFunction)lock_locked, METH_NOARGS, NULL},
    {"locked_lock", (PyCFunction)lock_locked, METH_NOARGS, NULL},
    {"_at_fork_reinit", (PyCFunction)lock_at_fork_reinit, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject wf_thread_lock_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "_thread.lock",
    .tp_basicsize = sizeof(lockobject),
    .tp_repr = lock_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "A lock object is a synchronization primitive.",
    .tp_methods = lock_methods,
    .tp_new = lock_tp_new,
};
WF_REGISTER_TYPE(wf_thread_lock_type);

/* ---- RLock ------------------------------------------------------------------------------ */

/* owner and count are written only by the owning thread (while it holds the
 * word); other threads read owner atomically to see they are not it. */
typedef struct {
  PyObject ob_base;
  wf_park_lock word;
  _Atomic unsigned long owner;
  _Atomic unsigned long count;
} rlockobject;

PyTypeObject wf_thread_rlock_type;

static unsigned long ident(void) { return (unsigned long)pthread_self(); }

static PyObject *rlock_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  (void)args, (void)kwds;
  return wf_object_alloc(type, (size_t)type->tp_basicsize);
}

static PyObject *rlock_acquire(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  rlockobject *r = (rlockobject *)self;
  bool blocking;
  int64_t timeout;
  if (acquire_args(args, nargs, kwnames, &blocking, &timeout) < 0) return NULL;
  unsigned long me = ident();
  if (atomic_load(&r->owner) == me && atomic_load(&r->count) > 0) {
    if (atomic_load(&r->count) == ULONG_MAX)
      return wf_err_set_string(&wf_OverflowError_type, "Internal lock count overflowed");
    atomic_fetch_add(&r->count, 1);
    return WF_TRUE;
  }
  if (!wf_park_lock_acquire(&r->word, blocking, timeout)) return WF_FALSE;
  atomic_store(&r->owner, me);
  atomic_store(&r->count, 1);
  return WF_TRUE;
}

static PyObject *rlock_release(PyObject *self, PyObject *unused) {
  (void)unused;
  rlockobject *r = (rlockobject *)self;
  if (atomic_load(&r->count) == 0 || atomic_load(&r->owner) != ident())
    return wf_err_set_string(&wf_RuntimeError_type, "cannot release un-acquired lock");
  if (atomic_fetch_sub(&r->count, 1) == 1) {
    atomic_store(&r->owner, 0);
    wf_park_lock_release(&r->word);
  }
  return WF_NONE;
}

static PyObject *rlock_exit(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  (void)args, (void)nargs;
  return rlock_release(self, NULL);
}

static PyObject *rlock_is_owned(PyObject *self, PyObject *unused) {
  (void)unused;
  rlockobject *r = (rlockobject *)self;
  return wf_bool_from(atomic_load(&r->count) > 0 && atomic_load(&r->owner) == ident());
}

static PyObject *rlock_recursion_count(PyObject *self, PyObject *unused) {
  (void)unused;
  rlockobject *r = (rlockobject *)self;
  return wf_int_from_uint64(atomic_load(&r->owner) == ident() ? atomic_load(&r->count) : 0);
}

/* Condition support: release completely, returning (count, owner). */
static PyObject *rlock_release_save(PyObject *self, PyObject *unused) {
  (void)unused;
  rlockobject *r = (rlockobject *)self;
  if (atomic_load(&r->count) == 0)
    return wf_err_set_string(&wf_RuntimeError_type, "cannot release un-acquired lock");
  unsigned long count = atomic_load(&r->count), owner = atomic_load(&r->owner);
  atomic_store(&r->count, 0);
  atomic_store(&r->owner, 0);
  wf_park_lock_release(&r->word);
  PyObject *c = wf_int_from_uint64(count);
  WF_GC_ROOT(c);
  PyObject *o = wf_int_from_uint64(owner);
  return wf_tuple_pack(2, c, o);
}

static PyObject *rlock_acquire_restore(PyObject *self, PyObject *state) {
  rlockobject *r = (rlockobject *)self;
  if (!wf_tuple_check(state) || WF_SIZE(state) != 2 || !wf_int_check(WF_TUPLE_GET(state, 0)) ||
      !wf_int_check(WF_TUPLE_GET(state, 1)))
    return wf_err_set_string(&wf_TypeError_type, "_acquire_restore() argument must be a (count, owner) tuple");
  int64_t count, owner;
  if (wf_int_as_int64(WF_TUPLE_GET(state, 0), &count) < 0) return NULL;
  if (wf_int_as_int64(WF_TUPLE_GET(state, 1), &owner) < 0) {
    wf_err_clear();
    owner = (int64_t)ident();
  }
  wf_park_lock_acquire(&r->word, true, -1);
  atomic_store(&r->owner, (unsigned long)owner);
  atomic_store(&r->count, (unsigned long)count);
  return WF_NONE;
}

static PyObject *rlock_at_fork_reinit(PyObject *self, PyObject *unused) {
  (void)unused;
  rlockobject *r = (rlockobject *)self;
  wf_park_lock_reset(&r->word);
  atomic_store(&r->owner, 0);
  atomic_store(&r->count, 0);
  return WF_NONE;
}

static PyObject *rlock_repr(PyObject *self) {
  rlockobject *r = (rlockobject *)self;
  unsigned long count = atomic_load(&r->count), owner = atomic_load(&r->owner);
  return wf_str_from_format("<%s %s object owner=%lu count=%lu at %p>", count ? "locked" : "unlocked",
                            WF_TYPE(self)->tp_name, count ? owner : 0UL, count, self);
}

static PyMethodDef rlock_methods[] = {
    ACQ("acquire", rlock_acquire),
    ACQ("__enter__", rlock_acquire),
    {"release", (PyCFunction)rlock_release, METH_NOARGS, NULL},
    {"__exit__", (PyCFunction)(void (*)(void))rlock_exit, METH_FASTCALL, NULL},
    {"_is_owned", (PyCFunction)rlock_is_owned, METH_NOARGS, NULL},
    {"_recursion_count", (PyCFunction)rlock_recursion_count, METH_NOARGS, NULL},
    {"_release_save", (PyCFunction)rlock_release_save, METH_NOARGS, NULL},
    {"_acquire_restore", (PyCFunction)rlock_acquire_restore, METH_O, NULL},
    {"_at_fork_reinit", (PyCFunction)rlock_at_fork_reinit, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject wf_thread_rlock_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "_thread.RLock",
    .tp_basicsize = sizeof(rlockobject),
    .tp_repr = rlock_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_methods = rlock_methods,
    .tp_new = rlock_tp_new,
};
WF_REGISTER_TYPE(wf_thread_rlock_type);

/* ---- Threads ---------------------------------------------------------------------------- */

static _Atomic long thread_count; /* threads started here and still running */
static _Atomic size_t stack_size_setting;

/* What a new thread needs, kept alive by a root scanner until the thread
 * has it in rooted locals. */
typedef struct boot {
  PyObject *func, *args, *kwargs;
} boot;

static void boot_scan(wf_gc_tracer *t, void *arg) {
  boot *b = arg;
  wf_gc_visit(t, b->func);
  wf_gc_visit(t, b->args);
  wf_gc_visit(t, b->kwargs);
}

/* The running thread's sentinel slot (a rooted local of thread_main). */
static __thread PyObject **sentinel_slot;

static void write_stderr_obj(PyObject *s) {
  Py_ssize_t n;
  const char *u = s ? wf_str_as_utf8(s, &n) : NULL;
  if (u) wf_sys_write_stderr_cstr(u);
  else wf_err_clear();
}

static void thread_main(void *arg) {
  boot *b = arg;
  PyObject *func = b->func, *args = b->args, *kwargs = b->kwargs;
  WF_GC_ROOT(func);
  WF_GC_ROOT(args);
  WF_GC_ROOT(kwargs);
  PyObject *sentinel = NULL;
  WF_GC_ROOT(sentinel);
  sentinel_slot = &sentinel;
  wf_gc_remove_root_scanner(boot_scan, b);
  free(b);

  PyObject *res = wf_call_tuple_dict(func, args, kwargs);
  if (!res) {
    if (wf_err_matches(&wf_SystemExit_type)) {
      wf_err_clear();
    } else {
      PyObject *exc = wf_err_fetch();
      WF_GC_ROOT(exc);
      wf_sys_write_stderr_cstr("Exception ignored in thread started by: ");
      PyObject *r = wf_object_repr(func);
      write_stderr_obj(r);
      wf_sys_write_stderr_cstr("\n");
      wf_exception_print(exc);
      wf_err_clear();
    }
  }
  sentinel_slot = NULL;
  if (sentinel) {
    wf_park_lock *w = &((lockobject *)sentinel)->word;
    if (wf_park_lock_is_held(w)) wf_park_lock_release(w);
  }
  atomic_fetch_sub(&thread_count, 1);
}

static PyObject *th_start_new_thread(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  (void)self;
  if (wf_arg_check_positional("start_new_thread", nargs, 2, 3) < 0) return NULL;
  PyObject *func = args[0], *fargs = args[1], *kw = nargs > 2 ? args[2] : NULL;
  if (!wf_callable(func)) return wf_err_set_string(&wf_TypeError_type, "first arg must be callable");
  if (!wf_tuple_check(fargs)) return wf_err_set_string(&wf_TypeError_type, "2nd arg must be a tuple");
  if (kw && !wf_dict_check(kw)) return wf_err_set_string(&wf_TypeError_type, "optional 3rd arg must be a dictionary");
  boot *b = malloc(sizeof *b);
  if (!b) return wf_err_no_memory();
  b->func = func;
  b->args = fargs;
  b->kwargs = kw;
  wf_gc_add_root_scanner(boot_scan, b);
  atomic_fetch_add(&thread_count, 1);
  wf_os_thread_t th;
  int rc = wf_thread_start(&th, thread_main, b);
  if (rc) {
    atomic_fetch_sub(&thread_count, 1);
    wf_gc_remove_root_scanner(boot_scan, b);
    free(b);
    return wf_err_set_string(&wf_RuntimeError_type, "can't start new thread");
  }
  /* The thread runs detached: the process does not wait for it at exit. */
  pthread_detach((pthread_t)th.handle);
  return wf_int_from_uint64((uint64_t)th.handle);
}

static PyObject *th_allocate_lock(PyObject *self, PyObject *unused) {
  (void)self, (void)unused;
  return lock_new_obj();
}

static PyObject *th_get_ident(PyObject *self, PyObject *unused) {
  (void)self, (void)unused;
  return wf_int_from_uint64(ident());
}

static PyObject *th_get_native_id(PyObject *self, PyObject *unused) {
  (void)self, (void)unused;
  return wf_int_from_int64((int64_t)syscall(SYS_gettid));
}

static PyObject *th_count(PyObject *self, PyObject *unused) {
  (void)self, (void)unused;
  return wf_int_from_int64(atomic_load(&thread_count));
}

static PyObject *th_exit(PyObject *self, PyObject *unused) {
  (void)self, (void)unused;
  return wf_err_set_object(&wf_SystemExit_type, NULL);
}

static PyObject *th_interrupt_main(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  (void)self, (void)args, (void)nargs;
  return wf_err_set_string(&wf_NotImplementedError_type, "_thread.interrupt_main() is not implemented");
}

static PyObject *th_stack_size(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  (void)self;
  if (wf_arg_check_positional("stack_size", nargs, 0, 1) < 0) return NULL;
  size_t old = atomic_load(&stack_size_setting);
  if (nargs == 0) return wf_int_from_uint64(old);
  PyObject *i = wf_number_index(args[0]);
  if (!i) return NULL;
  Py_ssize_t n = wf_int_as_ssize(i);
  if (n == -1 && wf_err_occurred()) return NULL;
  if (n != 0 && n < 32768) return wf_err_format(&wf_ValueError_type, "size not valid: %zd bytes", n);
  /* Recorded and reported; threads are started with the runtime's 8 MiB stacks. */
  atomic_store(&stack_size_setting, (size_t)n);
  return wf_int_from_uint64(old);
}

/* A lock held while the calling thread lives; released when it ends. */
static PyObject *th_set_sentinel(PyObject *self, PyObject *unused) {
  (void)self, (void)unused;
  PyObject *l = lock_new_obj();
  wf_park_lock_try(&((lockobject *)l)->word);
  if (sentinel_slot) {
    PyObject *old = *sentinel_slot;
    if (old) wf_park_lock_release(&((lockobject *)old)->word);
    *sentinel_slot = l;
  }
  return l;
}

static PyMethodDef thread_functions[] = {
    {"start_new_thread", (PyCFunction)(void (*)(void))th_start_new_thread, METH_FASTCALL, NULL},
    {"start_new", (PyCFunction)(void (*)(void))th_start_new_thread, METH_FASTCALL, NULL},
    {"allocate_lock", (PyCFunction)th_allocate_lock, METH_NOARGS, NULL},
    {"allocate", (PyCFunction)th_allocate_lock, METH_NOARGS, NULL},
    {"get_ident", (PyCFunction)th_get_ident, METH_NOARGS, NULL},
    {"get_native_id", (PyCFunction)th_get_native_id, METH_NOARGS, NULL},
    {"_count", (PyCFunction)th_count, METH_NOARGS, NULL},
    {"exit", (PyCFunction)th_exit, METH_NOARGS, NULL},
    {"exit_thread", (PyCFunction)th_exit, METH_NOARGS, NULL},
    {"interrupt_main", (PyCFunction)(void (*)(void))th_interrupt_main, METH_FASTCALL, NULL},
    {"stack_size", (PyCFunction)(void (*)(void))th_stack_size, METH_FASTCALL, NULL},
    {"_set_sentinel", (PyCFunction)th_set_sentinel, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};


/* ---- _local: attributes per thread --------------------------------------------------- */

/* One dict of attributes per thread, in `dicts` keyed by the thread's
 * registry id (never reused, unlike pthread idents). A thread's dict stays
 * until the _local object dies. `args`/`kwargs` are replayed to a subclass's
 * __init__ the first time another thread touches the object. */
typedef struct {
  PyObject ob_base;
  PyObject *dicts, *args, *kwargs;
} localobject;

PyTypeObject wf_thread_local_type;

static void local_trace(void *o, wf_gc_tracer *t) {
  localobject *l = o;
  wf_gc_visit(t, l->dicts);
  wf_gc_visit(t, l->args);
  wf_gc_visit(t, l->kwargs);
}

static bool has_own_init(PyTypeObject *type) {
  return wf_type_lookup(type, WF_ID(__init__)) != wf_type_lookup(&wf_object_type, WF_ID(__init__));
}

static PyObject *local_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  if ((WF_SIZE(args) > 0 || (kwds && wf_dict_size(kwds) > 0)) && !has_own_init(type))
    return wf_err_set_string(&wf_TypeError_type, "Initialization arguments are not supported");
  WF_GC_ROOT(args);
  WF_GC_ROOT(kwds);
  PyObject *self = type->tp_alloc ? type->tp_alloc(type, 0) : wf_type_generic_alloc(type, 0);
  if (!self) return NULL;
  WF_GC_ROOT(self);
  localobject *l = (localobject *)self;
  PyObject *d = wf_dict_new();
  WF_GC_STORE(&l->dicts, d);
  WF_GC_STORE(&l->args, args);
  if (kwds) WF_GC_STORE(&l->kwargs, kwds);
  PyObject *key = wf_int_from_uint64(wf_thread_self()->id);
  WF_GC_ROOT(key);
  PyObject *mine = wf_dict_new();
  if (wf_dict_setitem(d, key, mine) < 0) return NULL;
  return self;
}

/* The calling thread's dict, created (and __init__ replayed) on first use. */
static PyObject *local_dict(PyObject *self) {
  localobject *l = (localobject *)self;
  WF_GC_ROOT(self);
  PyObject *key = wf_int_from_uint64(wf_thread_self()->id);
  WF_GC_ROOT(key);
  PyObject *d = wf_dict_getitem(l->dicts, key);
  if (d) return d;
  if (wf_err_occurred()) return NULL;
  d = wf_dict_new();
  WF_GC_ROOT(d);
  if (wf_dict_setitem(l->dicts, key, d) < 0) return NULL;
  if (has_own_init(WF_TYPE(self))) {
    PyObject *init = wf_object_getattr(self, WF_ID(__init__));
    if (!init) goto fail;
    PyObject *r = wf_call_tuple_dict(init, l->args ? l->args : wf_tuple_new(0), l->kwargs);
    if (!r) goto fail;
  }
  return d;
fail:
  {
    PyObject *exc = wf_err_fetch();
    WF_GC_ROOT(exc);
    wf_dict_delitem(l->dicts, key);
    wf_err_clear();
    wf_err_restore(exc);
    return NULL;
  }
}

static PyObject *local_getattro(PyObject *self, PyObject *name) {
  WF_GC_ROOT(self);
  WF_GC_ROOT(name);
  PyObject *d = local_dict(self);
  if (!d) return NULL;
  WF_GC_ROOT(d);
  if (wf_str_check(name) && wf_str_equal_cstr(name, "__dict__")) return d;
  PyObject *descr = wf_type_lookup(WF_TYPE(self), name);
  WF_GC_ROOT(descr);
  if (descr && WF_TYPE(descr)->tp_descr_get && WF_TYPE(descr)->tp_descr_set)
    return WF_TYPE(descr)->tp_descr_get(descr, self, (PyObject *)WF_TYPE(self));
  PyObject *v = wf_dict_getitem(d, name);
  if (v) return v;
  if (wf_err_occurred()) return NULL;
  if (descr) {
    if (WF_TYPE(descr)->tp_descr_get) return WF_TYPE(descr)->tp_descr_get(descr, self, (PyObject *)WF_TYPE(self));
    return descr;
  }
  return wf_err_format(&wf_AttributeError_type, "'%.100s' object has no attribute '%U'", WF_TYPE(self)->tp_name, name);
}

static int local_setattro(PyObject *self, PyObject *name, PyObject *value) {
  WF_GC_ROOT(self);
  WF_GC_ROOT(name);
  WF_GC_ROOT(value);
  if (wf_str_check(name) && wf_str_equal_cstr(name, "__dict__")) {
    wf_err_format(&wf_AttributeError_type, "'%.100s' object attribute '__dict__' is read-only", WF_TYPE(self)->tp_name);
    return -1;
  }
  PyObject *d = local_dict(self);
  if (!d) return -1;
  WF_GC_ROOT(d);
  PyObject *descr = wf_type_lookup(WF_TYPE(self), name);
  if (descr && WF_TYPE(descr)->tp_descr_set) return WF_TYPE(descr)->tp_descr_set(descr, self, value);
  if (value) return wf_dict_setitem(d, name, value);
  if (wf_dict_delitem(d, name) < 0) {
    if (wf_err_matches(&wf_KeyError_type)) {
      wf_err_clear();
      wf_err_format(&wf_AttributeError_type, "'%.100s' object has no attribute '%U'", WF_TYPE(self)->tp_name, name);
    }
    return -1;
  }
  return 0;
}

PyTypeObject wf_thread_local_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "_thread._local",
    .tp_basicsize = sizeof(localobject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Thread-local data",
    .tp_getattro = local_getattro,
    .tp_setattro = local_setattro,
    .tp_new = local_tp_new,
    .wf = {.trace = local_trace},
};
WF_REGISTER_TYPE(wf_thread_local_type);

PyObject *wf_thread_module_init(void) {
  PyObject *m = wf_module_new_cstr("_thread");
  if (!m) return NULL;
  WF_GC_ROOT(m);
  if (wf_module_add_functions(m, thread_functions) < 0) return NULL;
  if (wf_module_add(m, "LockType", (PyObject *)&wf_thread_lock_type) < 0 ||
      wf_module_add(m, "RLock", (PyObject *)&wf_thread_rlock_type) < 0 ||
      wf_module_add(m, "_local", (PyObject *)&wf_thread_local_type) < 0 ||
      wf_module_add(m, "error", (PyObject *)&wf_RuntimeError_type) < 0 ||
      wf_module_add(m, "TIMEOUT_MAX", wf_float_from_double(9223372036.0)) < 0)
    return NULL;
  return m;
}
