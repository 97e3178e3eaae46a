/* Descriptor object layouts (CPython 3.11's descrobject.h shapes) and the
 * internal helpers shared by typeobject.c, slots.c and descr_*.c. */
#ifndef WF_CORE_DESCR_H
#define WF_CORE_DESCR_H

#include "object.h"
#include "slots.h"
#include "typeobject.h"

#define WF_DESCR_COMMON \
  PyObject ob_base;     \
  PyTypeObject *d_type; \
  PyObject *d_name;     \
  PyObject *d_qualname

typedef struct {
  WF_DESCR_COMMON;
} wf_descr_common;

typedef struct {
  WF_DESCR_COMMON;
  PyMethodDef *d_method;
  vectorcallfunc vectorcall;
} wf_method_descr;

typedef struct {
  WF_DESCR_COMMON;
  PyMemberDef *d_member;
} wf_member_descr;

typedef struct {
  WF_DESCR_COMMON;
  PyGetSetDef *d_getset;
} wf_getset_descr;

typedef struct {
  WF_DESCR_COMMON;
  wf_slotdef *d_base;
  void *d_wrapped;
  vectorcallfunc vectorcall;
} wf_wrapper_descr;

typedef struct {
  PyObject ob_base;
  wf_wrapper_descr *descr;
  PyObject *self;
} wf_method_wrapper;

/* PyCFunctionObject */
typedef struct {
  PyObject ob_base;
  PyMethodDef *m_ml;
  PyObject *m_self;
  PyObject *m_module;
  PyObject *m_weakreflist;
  vectorcallfunc vectorcall;
} wf_cfunction;

/* Call def->ml_meth by its convention `flags` (METH_NOARGS, METH_O,
 * METH_FASTCALL[|METH_KEYWORDS], already checked against nargs and kwnames
 * by the caller); any other convention: NULL without an exception. */
static inline PyObject *wf_cdef_call_simple(PyMethodDef *def, int flags, PyObject *self, PyObject *const *args,
                                            Py_ssize_t nargs, PyObject *kwnames) {
  switch (flags) {
  case METH_NOARGS: return def->ml_meth(self, NULL);
  case METH_O: return def->ml_meth(self, args[0]);
  case METH_FASTCALL: return ((_PyCFunctionFast)(void (*)(void))def->ml_meth)(self, args, nargs);
  case METH_FASTCALL | METH_KEYWORDS:
    return ((_PyCFunctionFastWithKeywords)(void (*)(void))def->ml_meth)(self, args, nargs, kwnames);
  default: return NULL;
  }
}

/* Generic tp_call for types with a vectorcall pointer. */
PyObject *wf_vectorcall_call(PyObject *callable, PyObject *args, PyObject *kwds);

void *wf_descr_wrapped(PyObject *wrapper_descr);
wf_slotdef *wf_descr_slotdef(PyObject *wrapper_descr);
PyTypeObject *wf_descr_objclass(PyObject *descr);

/* iter(o) for objects with __getitem__ only; `x in o` by iteration. */
PyObject *wf_seqiter_new(PyObject *seq);
int wf_sequence_iter_search_contains(PyObject *seq, PyObject *value);

#endif
