/* The object protocol: what the interpreter and builtins do to any object
 * (CPython's Objects/object.c and abstract.c). Implemented in
 * vm/core/protocol_*.c. All functions follow the NULL/-1 + exception
 * convention and give python3.11's exception types and messages. */
#ifndef WF_CORE_PROTOCOL_H
#define WF_CORE_PROTOCOL_H

#include "object.h"

/* Singletons (static, immortal): vm/objects/none.c, notimplemented.c,
 * ellipsis.c, bool.c. */
extern PyObject wf_None_object, wf_NotImplemented_object, wf_Ellipsis_object;
#define WF_NONE (&wf_None_object)
#define WF_NOTIMPLEMENTED (&wf_NotImplemented_object)
#define WF_ELLIPSIS (&wf_Ellipsis_object)
extern PyTypeObject wf_object_type, wf_type_type, wf_NoneType_type, wf_NotImplementedType_type,
    wf_ellipsis_type;

/* ---- Basic ---- */
PyObject *wf_object_repr(PyObject *o);   /* a str */
PyObject *wf_object_str(PyObject *o);    /* a str */
PyObject *wf_object_ascii(PyObject *o);  /* a str */
PyObject *wf_object_format(PyObject *o, PyObject *spec); /* format(o, spec); spec NULL = "" */
Py_hash_t wf_object_hash(PyObject *o);   /* -1 on error */
PyObject *wf_object_richcompare(PyObject *a, PyObject *b, int op);
int wf_object_richcompare_bool(PyObject *a, PyObject *b, int op); /* identity implies == */
int wf_object_is_true(PyObject *o);
int wf_object_not(PyObject *o);
bool wf_callable(PyObject *o);

/* ---- Types ---- */
int wf_object_isinstance(PyObject *o, PyObject *cls);  /* full: __instancecheck__, tuples */
int wf_object_issubclass(PyObject *derived, PyObject *cls);

/* ---- Attributes (name is a str) ---- */
PyObject *wf_object_getattr(PyObject *o, PyObject *name);
PyObject *wf_object_getattr_cstr(PyObject *o, const char *name);
/* Like getattr, but a missing attribute gives *result = NULL and returns 0
 * without an exception; 1 when found; -1 on another error. */
int wf_object_lookup_attr(PyObject *o, PyObject *name, PyObject **result);
int wf_object_setattr(PyObject *o, PyObject *name, PyObject *value); /* value NULL: delete */
int wf_object_hasattr(PyObject *o, PyObject *name);
PyObject *wf_object_generic_getattr(PyObject *o, PyObject *name);
int wf_object_generic_setattr(PyObject *o, PyObject *name, PyObject *value);
PyObject *wf_object_dir(PyObject *o);    /* a sorted list */
/* The method `name` found on type(o), bound lazily: returns the unbound
 * function in *method and 1 if it is a plain method descriptor/function (call
 * it with o as first argument), else the bound attribute and 0; -1 on error. */
int wf_object_get_method(PyObject *o, PyObject *name, PyObject **method);

/* ---- Calls (vectorcall convention: kwnames is a tuple of str or NULL) ---- */
PyObject *wf_call(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames);
/* The vectorcall function of `callable`, or NULL (call through tp_call).
 * A class whose metatype is exactly `type` (so type.__call__ applies) and
 * that has no vectorcall of its own gets wf_type_vectorcall: type.__call__
 * without the argument tuple. */
PyObject *wf_type_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames);
static inline vectorcallfunc wf_vectorcall_of(PyObject *callable) {
  PyTypeObject *t = WF_TYPE(callable);
  if (!(t->tp_flags & Py_TPFLAGS_HAVE_VECTORCALL) || t->tp_vectorcall_offset <= 0) return NULL;
  vectorcallfunc vc = *(vectorcallfunc *)((char *)callable + t->tp_vectorcall_offset);
  if (!vc && t == &wf_type_type) return wf_type_vectorcall;
  return vc;
}
PyObject *wf_call_tuple_dict(PyObject *callable, PyObject *args, PyObject *kwargs); /* kwargs may be NULL */
PyObject *wf_call_noargs(PyObject *callable);
PyObject *wf_call_one(PyObject *callable, PyObject *arg);
PyObject *wf_call_method(PyObject *obj, PyObject *name, PyObject *const *args, size_t nargs); /* obj.name(*args) */
PyObject *wf_call_method_cstr(PyObject *obj, const char *name, PyObject *const *args, size_t nargs);

/* ---- Numbers: binary operators with reflection (__radd__ ...) and the
 * in-place forms; unary operators ---- */
typedef enum wf_binop {
  WF_BINOP_ADD, WF_BINOP_SUB, WF_BINOP_MUL, WF_BINOP_MATMUL, WF_BINOP_TRUEDIV,
  WF_BINOP_FLOORDIV, WF_BINOP_MOD, WF_BINOP_DIVMOD, WF_BINOP_POW, WF_BINOP_LSHIFT,
  WF_BINOP_RSHIFT, WF_BINOP_AND, WF_BINOP_OR, WF_BINOP_XOR, WF_BINOP_COUNT
} wf_binop;
PyObject *wf_number_binop(PyObject *a, PyObject *b, wf_binop op);
PyObject *wf_number_inplace(PyObject *a, PyObject *b, wf_binop op);
PyObject *wf_number_power(PyObject *a, PyObject *b, PyObject *mod); /* mod may be None */
PyObject *wf_number_negative(PyObject *o);
PyObject *wf_number_positive(PyObject *o);
PyObject *wf_number_invert(PyObject *o);
PyObject *wf_number_absolute(PyObject *o);
PyObject *wf_number_index(PyObject *o);  /* operator.index: an int */
PyObject *wf_number_long(PyObject *o);   /* int(o) */
PyObject *wf_number_float(PyObject *o);  /* float(o) */
/* o.__index__() as a Py_ssize_t; on overflow raise `exc` (NULL: clamp). */
Py_ssize_t wf_number_as_ssize_t(PyObject *o, PyTypeObject *exc);
bool wf_index_check(PyObject *o);

/* ---- Containers ---- */
Py_ssize_t wf_object_length(PyObject *o);
/* len(o) if known, else __length_hint__, else `dflt`; -1 on error. */
Py_ssize_t wf_object_length_hint(PyObject *o, Py_ssize_t dflt);
PyObject *wf_object_getitem(PyObject *o, PyObject *key);
int wf_object_setitem(PyObject *o, PyObject *key, PyObject *value);
int wf_object_delitem(PyObject *o, PyObject *key);
PyObject *wf_sequence_getitem(PyObject *o, Py_ssize_t i);
int wf_sequence_contains(PyObject *container, PyObject *item); /* `in`: 1, 0, -1 */
PyObject *wf_sequence_list(PyObject *iterable);  /* list(iterable) */
PyObject *wf_sequence_tuple(PyObject *iterable); /* tuple(iterable) */

/* ---- Iteration ---- */
PyObject *wf_object_getiter(PyObject *o);
/* The next item, or NULL: exhausted when no exception is set. */
PyObject *wf_iter_next(PyObject *it);
bool wf_iter_check(PyObject *o);

#endif
