/* The table of special-method slots (CPython's slotdefs): for each dunder
 * name, where its C slot lives, the wrapper that exposes a C slot as a
 * `wrapper_descriptor` in a builtin type's dict, and the generic slot
 * function that a heap type uses to dispatch the slot to its dunder method.
 * vm/core/slots.c. Internal to the core group. */
#ifndef WF_CORE_SLOTS_H
#define WF_CORE_SLOTS_H

#include "object.h"
#include "typeobject.h"

typedef struct wf_slotdef wf_slotdef;
/* Call the wrapped C slot: self, positional args (tuple), kwargs (dict or NULL). */
typedef PyObject *(*wf_wrapperfunc)(PyObject *self, PyObject *args, PyObject *kwds, void *wrapped,
                                    const wf_slotdef *def);

struct wf_slotdef {
  const char *name;
  int offset;          /* offset of the slot inside wf_heaptype */
  void *function;      /* generic slot function for heap types, or NULL */
  wf_wrapperfunc wrapper;
  int flags;           /* WF_SLOT_KEYWORDS: the wrapper accepts keyword arguments */
  int op;              /* rich comparison op, binary op index, ... */
  const char *doc;
  PyObject *name_str;  /* interned name, filled by wf_slots_init */
};

#define WF_SLOT_KEYWORDS 1

extern wf_slotdef wf_slotdefs[];
extern const int wf_slotdefs_count;

void wf_slots_init(void);
/* The address of the slot `offset` in type t, or NULL if t lacks that sub-table. */
void **wf_slot_ptr(PyTypeObject *t, int offset);
/* The slot function used by heap types for `offset` in t (for checks). */
bool wf_slot_is_generic(void *fn);

/* Call self.<name>(*args) looking the method up on the type (special method
 * lookup, no instance dict). *found = 0 when the type has no such attribute
 * (then NULL is returned without an exception). */
PyObject *wf_call_special(PyObject *self, PyObject *name, PyObject *const *args, Py_ssize_t nargs, int *found);

/* The wrapper_descriptor of a C slot (descr_wrapper.c). */
PyObject *wf_descr_new_wrapper(PyTypeObject *type, wf_slotdef *def, void *wrapped);
/* slot_tp_new (heap types' __new__ dispatcher). */
newfunc wf_slot_tp_new_fn(void);
/* slot_tp_init (heap types' __init__ dispatcher). */
initproc wf_slot_tp_init_fn(void);
/* If descr is T.__new__ of a type T (the tp_new wrapper), T's tp_new. */
newfunc wf_type_new_wrapper_target(PyObject *descr);
/* A builtin_function_or_method's PyMethodDef and self. */
PyMethodDef *wf_cfunction_def(PyObject *f, PyObject **self);
/* A GC buffer of raw bytes (no references). */
extern PyTypeObject wf_rawbuf_type;

#endif
