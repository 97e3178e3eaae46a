/* Calls. The vectorcall convention throughout: args[0..nargs) positional,
 * then one value per name in kwnames. A callable whose type sets
 * Py_TPFLAGS_HAVE_VECTORCALL and a non-NULL function pointer at
 * tp_vectorcall_offset is called directly; anything else through tp_call
 * with a tuple and a dict.
 *
 * wf_call is a safepoint (calling arbitrary objects may run Python code):
 * it roots the callable and every argument slot, then polls. */
#include <stdio.h>
#include <stdlib.h>

#include "int.h"
#include "runtime.h"
#include "vmthread.h"
#include <stdlib.h>

#include "descr.h"
#include "vmthread.h"
#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "thread.h"
#include "tuple.h"
#include "typeobject.h"

static inline vectorcallfunc vectorcall_of(PyObject *c) { return wf_vectorcall_of(c); }

static PyObject *call_via_tp_call(PyObject *callable, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  ternaryfunc call = WF_TYPE(callable)->tp_call;
  if (!call) return wf_err_format(&wf_TypeError_type, "'%.200s' object is not callable", WF_TYPE(callable)->tp_name);
  PyObject *t = wf_tuple_from_array(args, nargs);
  WF_GC_ROOT(t);
  PyObject *kw = NULL;
  WF_GC_ROOT(kw);
  if (kwnames && WF_SIZE(kwnames)) {
    kw = wf_dict_new();
    for (Py_ssize_t i = 0; i < WF_SIZE(kwnames); i++)
      if (wf_dict_setitem(kw, WF_TUPLE_GET(kwnames, i), args[nargs + i]) < 0) return NULL;
  }
  if (wf_enter_recursive(" while calling a Python object") < 0) return NULL;
  PyObject *r = call(callable, t, kw);
  wf_leave_recursive();
  if (!r && !wf_err_occurred())
    return wf_err_format(&wf_SystemError_type, "%R returned NULL without setting an exception", callable);
  return r;
}

static void unroot_n(size_t *n) { wf_gc_tls_head.shadow.len -= *n; }

PyObject *wf_call(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames) {
  Py_ssize_t nargs = wf_vectorcall_nargs(nargsf);
  Py_ssize_t nkw = kwnames ? WF_SIZE(kwnames) : 0;
  WF_GC_ROOT(callable);
  WF_GC_ROOT(kwnames);
  size_t pushed __attribute__((cleanup(unroot_n))) = 0;
  for (Py_ssize_t i = 0; i < nargs + nkw; i++) {
    wf_gc_shadow_push_((void **)&args[i]);
    pushed++;
  }
  WF_SAFEPOINT_POLL();
  vectorcallfunc vc = vectorcall_of(callable);
  if (vc) {
    PyObject *r = vc(callable, args, (size_t)nargs, kwnames);
    if (!r && !wf_err_occurred())
      return wf_err_format(&wf_SystemError_type, "%R returned NULL without setting an exception", callable);
    return r;
  }
  return call_via_tp_call(callable, args, nargs, kwnames);
}

PyObject *wf_call_tuple_dict(PyObject *callable, PyObject *args, PyObject *kwargs) {
  WF_GC_ROOT(callable);
  WF_GC_ROOT(args);
  WF_GC_ROOT(kwargs);
  WF_SAFEPOINT_POLL();
  vectorcallfunc vc = vectorcall_of(callable);
  if (!vc) {
    ternaryfunc call = WF_TYPE(callable)->tp_call;
    if (!call)
      return wf_err_format(&wf_TypeError_type, "'%.200s' object is not callable", WF_TYPE(callable)->tp_name);
    if (wf_enter_recursive(" while calling a Python object") < 0) return NULL;
    PyObject *r = call(callable, args, kwargs && wf_dict_size(kwargs) ? kwargs : NULL);
    wf_leave_recursive();
    if (!r && !wf_err_occurred())
      return wf_err_format(&wf_SystemError_type, "%R returned NULL without setting an exception", callable);
    return r;
  }
  Py_ssize_t nargs = WF_SIZE(args);
  Py_ssize_t nkw = kwargs ? wf_dict_size(kwargs) : 0;
  if (nkw == 0) return vc(callable, WF_TUPLE_ITEMS(args), (size_t)nargs, NULL);
  /* One tuple holds positional values then keyword values; kwnames another. */
  PyObject *stack = wf_tuple_new(nargs + nkw);
  WF_GC_ROOT(stack);
  PyObject *names = wf_tuple_new(nkw);
  WF_GC_ROOT(names);
  for (Py_ssize_t i = 0; i < nargs; i++) WF_TUPLE_INIT(stack, i, WF_TUPLE_GET(args, i));
  Py_ssize_t pos = 0, j = 0;
  PyObject *k, *v;
  while (j < nkw && wf_dict_next(kwargs, &pos, &k, &v)) {
    if (!wf_str_check(k)) return wf_err_set_string(&wf_TypeError_type, "keywords must be strings");
    WF_TUPLE_INIT(names, j, k);
    WF_TUPLE_INIT(stack, nargs + j, v);
    j++;
  }
  if (j < nkw) names = wf_tuple_slice(names, 0, j);
  PyObject *r = vc(callable, WF_TUPLE_ITEMS(stack), (size_t)nargs, names);
  if (!r && !wf_err_occurred())
    return wf_err_format(&wf_SystemError_type, "%R returned NULL without setting an exception", callable);
  return r;
}

PyObject *wf_call_noargs(PyObject *callable) { return wf_call(callable, NULL, 0, NULL); }

PyObject *wf_call_one(PyObject *callable, PyObject *arg) { return wf_call(callable, &arg, 1, NULL); }

PyObject *wf_call_method(PyObject *obj, PyObject *name, PyObject *const *args, size_t nargs) {
  WF_GC_ROOT(obj);
  size_t pushed __attribute__((cleanup(unroot_n))) = 0;
  for (size_t i = 0; i < nargs; i++) {
    wf_gc_shadow_push_((void **)&args[i]);
    pushed++;
  }
  PyObject *m = NULL;
  WF_GC_ROOT(m);
  int k = wf_object_get_method(obj, name, &m);
  if (k < 0) return NULL;
  if (k == 0) return wf_call(m, args, nargs, NULL);
  PyObject *small[8];
  PyObject **stack = nargs + 1 <= 8 ? small : malloc(sizeof(PyObject *) * (nargs + 1));
  stack[0] = obj;
  for (size_t i = 0; i < nargs; i++) stack[i + 1] = args[i];
  PyObject *r = wf_call(m, stack, nargs + 1, NULL);
  if (stack != small) free(stack);
  return r;
}

PyObject *wf_call_method_cstr(PyObject *obj, const char *name, PyObject *const *args, size_t nargs) {
  WF_GC_ROOT(obj);
  size_t pushed __attribute__((cleanup(unroot_n))) = 0;
  for (size_t i = 0; i < nargs; i++) {
    wf_gc_shadow_push_((void **)&args[i]);
    pushed++;
  }
  PyObject *n = wf_str_intern_cstr(name);
  return wf_call_method(obj, n, args, nargs);
}
