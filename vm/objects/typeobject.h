/* Type objects: readiness (slot inheritance, C3 MRO, the type's dict built
 * from tp_methods/tp_members/tp_getset and slot wrappers), attribute lookup
 * along the MRO with a cache keyed by version tags, and the descriptor types
 * that expose C functions to Python. vm/objects/typeobject.c and descr_*.c.
 *
 * Thread safety: a type's dict and version change only under the type's
 * lock (wf.lock); wf_type_modified gives the type and its subclasses new
 * version tags, so cached lookups of the old versions miss. */
#ifndef WF_OBJECTS_TYPEOBJECT_H
#define WF_OBJECTS_TYPEOBJECT_H

#include "object.h"

/* Make a type usable: inherit slots from tp_base, compute tp_bases and
 * tp_mro (C3), build tp_dict, set the gc trace function (wf.trace; for
 * extension types an adapter over tp_traverse). Static types are registered
 * as GC roots (their dict, bases and MRO). 0 or -1. */
int wf_type_ready(PyTypeObject *type);

/* Find `name` (a str) along type's MRO without invoking descriptors.
 * Borrowed result or NULL; never sets an exception. */
PyObject *wf_type_lookup(PyTypeObject *type, PyObject *name);

/* Call after changing a type's dict or bases (under its lock). */
void wf_type_modified(PyTypeObject *type);

/* type(name, bases, dict) with a metaclass: the class statement's work. */
PyObject *wf_type_new(PyTypeObject *metatype, PyObject *name, PyObject *bases, PyObject *dict, PyObject *kwds);

/* The qualified name / module-qualified repr helpers. */
PyObject *wf_type_name(PyTypeObject *type);      /* __name__ */
PyObject *wf_type_qualname(PyTypeObject *type);  /* __qualname__ */

/* Default tp_alloc / tp_new / tp_free-free. */
PyObject *wf_type_generic_alloc(PyTypeObject *type, Py_ssize_t nitems);
PyObject *wf_type_generic_new(PyTypeObject *type, PyObject *args, PyObject *kwds);

/* Descriptors over C functions (descr_*.c). */
extern PyTypeObject wf_method_descr_type, wf_classmethod_descr_type, wf_getset_descr_type,
    wf_member_descr_type, wf_wrapper_descr_type, wf_method_wrapper_type, wf_builtin_function_type;
PyObject *wf_descr_new_method(PyTypeObject *type, PyMethodDef *def);
PyObject *wf_descr_new_classmethod(PyTypeObject *type, PyMethodDef *def);
PyObject *wf_descr_new_getset(PyTypeObject *type, PyGetSetDef *def);
PyObject *wf_descr_new_member(PyTypeObject *type, PyMemberDef *def);
/* A builtin function (module-level C function), bound to `self` (module or NULL). */
PyObject *wf_cfunction_new(PyMethodDef *def, PyObject *self, PyObject *module_name);

/* Argument parsing helpers for C methods (METH_FASTCALL|METH_KEYWORDS):
 * `fname` is used in messages exactly as CPython's argument clinic words them
 * ("f() takes at most 2 arguments (3 given)", "f() missing required argument
 * 'x' (pos 1)", "f() got an unexpected keyword argument 'y'", ...). */
int wf_arg_check_positional(const char *fname, Py_ssize_t nargs, Py_ssize_t min, Py_ssize_t max);
int wf_arg_no_keywords(const char *fname, PyObject *kwnames);
/* Match positional args and keyword args to `names` (NULL-terminated; a
 * leading "" for positional-only): fills out[0..n) with borrowed pointers or
 * NULL for missing optional parameters; `min` are required. */
int wf_arg_unpack(const char *fname, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                  const char *const *names, Py_ssize_t min, PyObject **out);


/* ---- Additions (core group) ------------------------------------------------ */

/* A type created at run time (class statement, type(name, bases, dict)):
 * CPython 3.11's PyHeapTypeObject, then Weft's fields. A metatype with extra
 * fields (a subclass of type) extends this. */
typedef struct wf_heaptype {
  PyTypeObject ht_type;
  PyAsyncMethods as_async;
  PyNumberMethods as_number;
  PyMappingMethods as_mapping;
  PySequenceMethods as_sequence;
  PyBufferProcs as_buffer;
  PyObject *ht_name, *ht_slots, *ht_qualname;
  void *ht_cached_keys;
  PyObject *ht_module;
  char *_ht_tpname;
  void *_spec_cache;
  /* Weft: the nearest static ancestor whose layout instances extend, and
   * where the heap-type part of an instance starts (every word from there
   * to tp_basicsize is an object reference: __dict__, slots). */
  PyTypeObject *wf_solid;
  Py_ssize_t wf_extra_start;
} wf_heaptype;

extern PyTypeObject wf_seqiter_type, wf_mappingproxy_type;

/* type(o) called, tp_new then tp_init (vectorcall form): wf_type_vectorcall
 * in protocol.h. */

/* Slot dispatch of heap types: recompute the C slots of `type` (and its
 * subclasses) that correspond to dunder `name` (NULL: all of them). */
void wf_type_update_slots(PyTypeObject *type, PyObject *name);

/* Address of the instance-dict pointer of o, or NULL if its type has none. */
PyObject **wf_object_dict_ptr(PyObject *o);
/* A __dict__ setter (PyGetSetDef) for types with a dict offset: a dict only,
 * no deletion, with python3.11's messages. */
int wf_object_generic_set_dict(PyObject *o, PyObject *v, void *closure);
/* The instance dict, created on first use (NULL without exception: no dict). */
PyObject *wf_object_get_dict(PyObject *o);

/* Calling a PyMethodDef (all METH_* conventions) with self (may be NULL for
 * module functions). `qualname` is the name used in messages ("list.append"). */
PyObject *wf_cfunction_call_def(PyMethodDef *def, const char *qualname_prefix, PyObject *self,
                                PyObject *const *args, size_t nargsf, PyObject *kwnames);

/* mappingproxy(mapping): a read-only view (type.__dict__). */
PyObject *wf_mappingproxy_new(PyObject *mapping);

/* tp_hash of unhashable types (raises "unhashable type: 'T'"). */
Py_hash_t wf_object_hash_not_implemented(PyObject *o);

/* Type name helpers for messages. */
static inline const char *wf_type_name_cstr(PyObject *o) { return WF_TYPE(o)->tp_name; }

/* The object's class repr "<class 'mod.Name'>". */
PyObject *wf_type_repr(PyObject *type);

/* T[x] (PEP 585 __class_getitem__): a types.GenericAlias. Use as a
 * METH_O | METH_CLASS method. */
PyObject *wf_class_getitem_generic(PyObject *cls, PyObject *arg);

/* Next version tag; types with tag 0 are not cached. */
unsigned int wf_type_assign_version(PyTypeObject *type);

#endif
