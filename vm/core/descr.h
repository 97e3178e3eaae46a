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

/* Generic tp_call for types with a vectorcall pointer. */
PyObject *wf_vectorcall_call(PyObject *callable, PyObject *args, PyObject *kwds);

void *wf_descr_wrapped(PyObject *wrapper_descr);
wf_slotdef *wf_descr_slotdef(PyObject *wrapper_descr);
PyTypeObject *wf_descr_objclass(PyObject *descr);

/* iter(o) for objects with __getitem__ only; `x in o` by iteration. */
PyObject *wf_seqiter_new(PyObject *seq);
int wf_sequence_iter_search_contains(PyObject *seq, PyObject *value);

#endif
