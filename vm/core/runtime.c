/* Start-up of the object runtime.
 *
 * wf_runtime_init, in order:
 *   1. threads (attaches the main thread), the GC with the type object's
 *      trace offset, the hash secret from PYTHONHASHSEED (before any other
 *      thread exists: wf_hash_secret is then read-only);
 *   2. the vm thread state (wf_vmthread) of every attached thread: created
 *      by an attach hook, freed by a detach hook, scanned as roots by a GC
 *      root scanner while the world is stopped;
 *   3. wf_type_ready of every builtin type in `builtin_types` below. Each
 *      group adds its types to that one array (in base-before-subclass order
 *      is not needed: wf_type_ready readies bases first).
 * Idempotent; the first call must come from the main thread before other
 * threads attach.
 */
#include "runtime.h"

#include "slots.h"

#include <stdio.h>
#include <stdlib.h>

#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "floatobject.h"
#include "int.h"
#include "bytes.h"
#include "bytes.h"
#include "list.h"
#include "range.h"
#include "set.h"
#include "slice.h"
#include "memoryview.h"
#include "range.h"
#include "set.h"
#include "slice.h"
#include "protocol.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"
#include "vmthread.h"
#include "wf_hash.h"

/* ---- Builtin types: every group lists its static types here. ---- */
extern PyTypeObject wf_tupleiter_type, wf_dictkeys_type, wf_dictvalues_type, wf_dictitems_type,
    wf_dictiterkey_type, wf_dictitervalue_type, wf_dictiteritem_type, wf_dictrevkey_type,
    wf_dictrevvalue_type, wf_dictrevitem_type, wf_mappingproxy_type, wf_seqiter_type;

static PyTypeObject *const builtin_types[] = {
    /* core */
    &wf_object_type, &wf_type_type, &wf_NoneType_type, &wf_NotImplementedType_type, &wf_ellipsis_type,
    &wf_method_descr_type, &wf_classmethod_descr_type, &wf_getset_descr_type, &wf_member_descr_type,
    &wf_wrapper_descr_type, &wf_method_wrapper_type, &wf_builtin_function_type, &wf_mappingproxy_type,
    &wf_tuple_type, &wf_tupleiter_type, &wf_dict_type, &wf_dictkeys_type, &wf_dictvalues_type,
    &wf_dictitems_type, &wf_dictiterkey_type, &wf_dictitervalue_type, &wf_dictiteritem_type,
    &wf_dictrevkey_type, &wf_dictrevvalue_type, &wf_dictrevitem_type, &wf_seqiter_type,
#define WF_EXC_ENTRY(name) &wf_##name##_type,
    WF_EXCEPTION_TYPES(WF_EXC_ENTRY)
#undef WF_EXC_ENTRY
    /* str group */
    &wf_str_type, &wf_str_iterator_type,
    /* numbers group */
    &wf_int_type, &wf_bool_type, &wf_float_type, &wf_complex_type,
    /* containers group */
    &wf_list_type, &wf_list_iter_type, &wf_list_reviter_type, &wf_slice_type, &wf_set_type, &wf_frozenset_type,
    &wf_set_iter_type, &wf_range_type, &wf_range_iter_type, &wf_longrange_iter_type, &wf_bytes_type,
    &wf_bytes_iter_type, &wf_bytearray_type, &wf_bytearray_iter_type, &wf_memoryview_type, &wf_memoryview_iter_type,
};

/* ---- vm thread states ---- */

static void vm_on_attach(wf_thread_t *t) {
  if (t->vm) return;
  wf_vmthread *vm = calloc(1, sizeof *vm);
  if (!vm) {
    fputs("weft: out of memory (thread state)\n", stderr);
    abort();
  }
  vm->c_limit = 1000;
  t->vm = vm;
}

static void vm_on_detach(wf_thread_t *t) {
  free(t->vm);
  t->vm = NULL;
}

/* Runs while the world is stopped: every thread's exception fields. */
static void scan_vmthreads(wf_gc_tracer *tracer, void *arg) {
  (void)arg;
  for (wf_thread_t *t = wf_threads_first(); t; t = wf_threads_next(t)) {
    wf_vmthread *vm = t->vm;
    if (!vm) continue;
    wf_gc_visit(tracer, vm->exc);
    wf_gc_visit(tracer, vm->handled_exc);
  }
}

/* c_depth has been incremented past c_limit. */
int wf_enter_recursive_overflow_(const char *where) {
  wf_vmthread *vm = wf_vm();
  /* Creating the RecursionError calls its type: give that some headroom
   * instead of recursing into another RecursionError. */
  if (vm->c_overflowing && vm->c_depth <= vm->c_limit + 50) return 0;
  vm->c_depth--;
  vm->c_overflowing = true;
  wf_err_format(&wf_RecursionError_type, "maximum recursion depth exceeded%s", where);
  vm->c_overflowing = false;
  return -1;
}

/* Types registered with WF_REGISTER_TYPE (the section may be empty). */
extern PyTypeObject *const __start_wf_types[] __attribute__((weak));
extern PyTypeObject *const __stop_wf_types[] __attribute__((weak));

static void ready_type(PyTypeObject *t) {
  if (wf_type_ready(t) < 0) {
    fprintf(stderr, "weft: cannot initialise type %s\n", t->tp_name);
    abort();
  }
}

void wf_runtime_init(void) {
  static bool done;
  if (done) return;
  done = true;
  wf_threads_init();
  wf_gc_init(&(wf_gc_config){.trace_offset = offsetof(PyTypeObject, wf.trace)});
  if (wf_hash_init_from_env(getenv("PYTHONHASHSEED")) < 0) {
    fputs("Fatal Python error: _Py_HashRandomization_Init: PYTHONHASHSEED must be \"random\" or an integer "
          "in range [0; 4294967295]\n",
          stderr);
    exit(1);
  }
  wf_threads_add_hooks(vm_on_attach, vm_on_detach);
  vm_on_attach(wf_thread_self());
  wf_gc_add_root_scanner(scan_vmthreads, NULL);
  wf_slots_init();
  wf_exceptions_init();
  for (size_t i = 0; i < sizeof builtin_types / sizeof builtin_types[0]; i++) ready_type(builtin_types[i]);
  for (PyTypeObject *const *t = __start_wf_types; t && t < __stop_wf_types; t++) ready_type(*t);
}

PyObject *wf_id_slow_(PyObject **slot, const char *name) {
  PyObject *s = wf_str_intern_cstr(name);
  PyObject *expected = NULL;
  if (!__atomic_compare_exchange_n(slot, &expected, s, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) return expected;
  wf_gc_add_global_root((void **)slot);
  return s;
}
