/* The current exception of the thread (wf_vmthread.exc) and raising errors
 * from C. The exception is always a normalized instance. When a new one is
 * raised while another is being handled (wf_vmthread.handled_exc), the
 * handled one becomes its __context__ (cycles broken as CPython does). */
#include <stdio.h>
#include <stdlib.h>

#include "int.h"
#include "runtime.h"
#include "vmthread.h"
#include "errors.h"

#include <stdio.h>
#include <stdlib.h>

#include "exceptions.h"
#include "protocol.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"
#include "vmthread.h"

PyObject *wf_err_current(void) { return wf_vm()->exc; }

PyTypeObject *wf_err_occurred(void) {
  PyObject *e = wf_vm()->exc;
  return e ? WF_TYPE(e) : NULL;
}

bool wf_err_matches(PyTypeObject *type) {
  PyObject *e = wf_vm()->exc;
  return e && wf_type_is_subtype(WF_TYPE(e), type);
}

/* Give `exc` the handled exception as context, cutting a cycle that would
 * arise if exc is already in the handled exception's context chain. */
static void chain_handled(PyObject *exc) {
  PyObject *handled = wf_vm()->handled_exc;
  if (!handled || handled == exc || !wf_exc_check(handled)) return;
  PyObject *o = handled;
  while (o) {
    PyObject *ctx = wf_exc_get_context(o);
    if (ctx == exc) {
      wf_exc_set_context(o, NULL);
      break;
    }
    o = ctx;
  }
  wf_exc_set_context(exc, handled);
}

PyObject *wf_err_set_exc(PyObject *exc) {
  if (!exc || !wf_exc_check(exc)) return wf_err_bad_internal_call("wf_err_set_exc");
  chain_handled(exc);
  WF_GC_STORE(&wf_vm()->exc, exc);
  return NULL;
}

PyObject *wf_err_set_object(PyTypeObject *type, PyObject *value) {
  if (!wf_type_has_flag(type, Py_TPFLAGS_BASE_EXC_SUBCLASS) ||
      !wf_type_has_flag(WF_TYPE((PyObject *)type), Py_TPFLAGS_TYPE_SUBCLASS)) {
    wf_err_clear();
    return wf_err_format(&wf_SystemError_type, "_PyErr_SetObject: exception %R is not a BaseException subclass",
                         (PyObject *)type);
  }
  WF_GC_ROOT(value);
  PyObject *exc;
  if (value && wf_object_type_check(value, type)) {
    exc = value;
  } else {
    wf_vmthread *vm = wf_vm();
    PyObject *saved = vm->exc; /* creating the instance must not see a stale exception */
    WF_GC_ROOT(saved);
    vm->exc = NULL;
    if (!value)
      exc = wf_call((PyObject *)type, NULL, 0, NULL);
    else if (wf_tuple_check(value))
      exc = wf_call_tuple_dict((PyObject *)type, value, NULL);
    else
      exc = wf_call((PyObject *)type, &value, 1, NULL);
    if (!exc) return NULL; /* the constructor's error stands */
    if (!wf_exc_check(exc)) {
      return wf_err_format(&wf_TypeError_type,
                           "calling %R should have returned an instance of BaseException, not %s",
                           (PyObject *)type, WF_TYPE(exc)->tp_name);
    }
  }
  return wf_err_set_exc(exc);
}

PyObject *wf_err_set_string(PyTypeObject *type, const char *msg) {
  PyObject *s = wf_str_from_cstr(msg);
  if (!s) return NULL;
  return wf_err_set_object(type, s);
}

PyObject *wf_err_vformat(PyTypeObject *type, const char *fmt, va_list ap) {
  wf_err_clear(); /* %R/%S may call Python code; a pending error would confuse it */
  PyObject *s = wf_str_from_vformat(fmt, ap);
  if (!s) return NULL;
  return wf_err_set_object(type, s);
}

PyObject *wf_err_format(PyTypeObject *type, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  wf_err_vformat(type, fmt, ap);
  va_end(ap);
  return NULL;
}

PyObject *wf_err_no_memory(void) {
  PyObject *exc = wf_call((PyObject *)&wf_MemoryError_type, NULL, 0, NULL);
  if (exc) wf_err_set_exc(exc);
  return NULL;
}

PyObject *wf_err_bad_internal_call(const char *where) {
  return wf_err_format(&wf_SystemError_type, "%s: bad argument to internal function", where);
}

PyObject *wf_err_set_key(PyObject *key) {
  PyObject *t = wf_tuple_pack(1, key);
  return wf_err_set_object(&wf_KeyError_type, t);
}

PyObject *wf_err_fetch(void) {
  wf_vmthread *vm = wf_vm();
  PyObject *e = vm->exc;
  vm->exc = NULL;
  return e;
}

void wf_err_restore(PyObject *exc) { WF_GC_STORE(&wf_vm()->exc, exc); }

void wf_err_clear(void) { wf_vm()->exc = NULL; }

void wf_err_chain_context(PyObject *exc, PyObject *context) {
  if (!exc || !context || exc == context) return;
  PyObject *o = context;
  while (o) {
    PyObject *ctx = wf_exc_get_context(o);
    if (ctx == exc) {
      wf_exc_set_context(o, NULL);
      break;
    }
    o = ctx;
  }
  wf_exc_set_context(exc, context);
}
