/* Start-up of the object runtime: threads, the GC (with the type's trace
 * offset), the hash secret from PYTHONHASHSEED, every builtin type made
 * ready, the vm thread state of each attached thread. */
#ifndef WF_CORE_RUNTIME_H
#define WF_CORE_RUNTIME_H

#include "object.h"

/* Register a static builtin type to be made ready by wf_runtime_init, from
 * the file that defines it: WF_REGISTER_TYPE(wf_function_type); (a pointer
 * in the linker section wf_types, so no central list needs editing). */
#define WF_REGISTER_TYPE(t)                                                          \
  __attribute__((used, section("wf_types"), aligned(sizeof(void *)))) static PyTypeObject *const \
      wf_register_type_##t = &(t)

/* Idempotent. Aborts with a message if the runtime cannot start. */
void wf_runtime_init(void);

/* An interned str for a C identifier, created once and kept alive for the
 * life of the process: WF_ID(__init__). */
PyObject *wf_id_slow_(PyObject **slot, const char *name);
#define WF_ID(name) \
  ({                                                                         \
    static PyObject *wf_id_s_;                                               \
    PyObject *wf_id_v_ = __atomic_load_n(&wf_id_s_, __ATOMIC_ACQUIRE);       \
    wf_id_v_ ? wf_id_v_ : wf_id_slow_(&wf_id_s_, #name);                      \
  })

#endif
